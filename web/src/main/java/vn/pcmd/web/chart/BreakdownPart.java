package vn.pcmd.web.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One "of which" row of a breakdown.
 *
 * @param values one per year of the chart, in the same order; null where the row was not reported that year
 */
public record BreakdownPart(String label, List<Double> values) {
    public BreakdownPart {
        requireNonNull(label, "label is null");
        // not List.copyOf: a null value is meaningful (not reported)
        values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
    }
}
