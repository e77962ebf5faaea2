package vn.pcmd.core.units;

import java.util.Arrays;
import java.util.Optional;

/** A level of Vietnam's administrative hierarchy, below the nation. Districts exist only before 1 July 2025. */
public enum UnitLevel {
    PROVINCE("province", "Tỉnh, thành phố"),
    DISTRICT("district", "Huyện, quận, thị xã, thành phố thuộc tỉnh"),
    COMMUNE("commune", "Xã, phường, thị trấn, đặc khu");

    private final String code;
    private final String labelVi;

    UnitLevel(String code, String labelVi) {
        this.code = code;
        this.labelVi = labelVi;
    }

    public String code() {
        return code;
    }

    public String labelVi() {
        return labelVi;
    }

    public static Optional<UnitLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.code.equals(text.strip())).findFirst();
    }
}
