package vn.pcmd.web.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** A line over the years, e.g. 2021 to 2025; the points are drawn in the order given. */
public record TrendChart(ChartText text, List<TrendPoint> points) {
    public TrendChart {
        requireNonNull(text, "text is null");
        points = List.copyOf(requireNonNull(points, "points is null"));
        Set<Integer> years = new HashSet<>();
        for (TrendPoint point : points) {
            if (!years.add(point.year())) {
                throw new IllegalArgumentException("Year " + point.year() + " appears twice in the trend '" + text.title() + "'");
            }
        }
    }
}
