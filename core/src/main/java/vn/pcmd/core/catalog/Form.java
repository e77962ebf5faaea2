package vn.pcmd.core.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two official data forms of the programme's review (seed 004). */
public enum Form {
    /** Phụ lục IA: a provincial department's figures, one section per department. */
    IA("Phụ lục IA"),
    /** Phụ lục IIA: a commune's figures; districts and provinces send consolidated figures in the same layout. */
    IIA("Phụ lục IIA");

    private final String titleVi;

    Form(String titleVi) {
        this.titleVi = titleVi;
    }

    public String titleVi() {
        return titleVi;
    }

    public static Optional<Form> parse(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(form -> form.name().equals(normalized)).findFirst();
    }
}
