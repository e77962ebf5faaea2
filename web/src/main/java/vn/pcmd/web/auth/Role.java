package vn.pcmd.web.auth;

import java.util.Locale;
import java.util.Optional;

/** What an account may do on the site; every role sees only its unit and the units below it. */
public enum Role {
    /** reads pages, charts, downloads */
    VIEWER("viewer", "Người xem"),
    /** and uploads forms */
    ANALYST("analyst", "Chuyên viên phân tích"),
    /** and sees the accounts */
    ADMIN("admin", "Quản trị");

    private final String code;
    private final String labelVi;

    Role(String code, String labelVi) {
        this.code = code;
        this.labelVi = labelVi;
    }

    public String code() {
        return code;
    }

    public String labelVi() {
        return labelVi;
    }

    /** True when this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    public static Optional<Role> fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.code.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
