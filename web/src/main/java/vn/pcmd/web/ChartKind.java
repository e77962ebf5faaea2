package vn.pcmd.web;

import java.util.Arrays;
import java.util.Optional;

/** The four charts of an indicator page, by the name their address carries. */
public enum ChartKind {
    TREND("trend", "Xu hướng 2021–2025"),
    RANKING("ranking", "Xếp hạng các đơn vị"),
    BREAKDOWN("breakdown", "Cơ cấu \"trong đó\""),
    TARGETS("targets", "Mức đạt chỉ tiêu");

    private final String code;
    private final String titleVi;

    ChartKind(String code, String titleVi) {
        this.code = code;
        this.titleVi = titleVi;
    }

    public String code() {
        return code;
    }

    public String titleVi() {
        return titleVi;
    }

    public static Optional<ChartKind> parse(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
