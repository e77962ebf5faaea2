package vn.pcmd.web.chart;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Figures against their targets, one bar each in the order given, coloured by whether the target was met. Labels may repeat
 * (two targets of one plan and year): each bar is drawn on its own.
 */
public record TargetsChart(ChartText text, List<TargetBar> bars) {
    public TargetsChart {
        requireNonNull(text, "text is null");
        bars = List.copyOf(requireNonNull(bars, "bars is null"));
    }
}
