package vn.pcmd.web.chart;

import static java.util.Objects.requireNonNull;

/** One bar of a ranking: an administrative unit and its figure. */
public record RankedUnit(String unitCode, String unitName, double value) {
    public RankedUnit {
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitName, "unitName is null");
    }
}
