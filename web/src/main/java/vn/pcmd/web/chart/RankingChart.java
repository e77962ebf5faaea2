package vn.pcmd.web.chart;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Units compared on one figure, as horizontal bars from the top in the order given (the caller sorts, highest first).
 *
 * @param highlightedUnitCode the unit the reader is looking at, drawn in a contrasting colour
 */
public record RankingChart(ChartText text, List<RankedUnit> units, Optional<String> highlightedUnitCode) {
    public RankingChart {
        requireNonNull(text, "text is null");
        units = List.copyOf(requireNonNull(units, "units is null"));
        requireNonNull(highlightedUnitCode, "highlightedUnitCode is null");
    }
}
