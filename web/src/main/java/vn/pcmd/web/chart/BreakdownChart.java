package vn.pcmd.web.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A row and its "of which" rows over the years: one stacked bar per year, a segment per part.
 *
 * @param partialYears one per year: true where the year is only partly reported (2025: 01/01–30/06)
 * @param parts the "of which" rows, stacked from the axis up in the order given
 * @param totals the parent row, one value per year (null where not reported), drawn as a line over the bars; the parts need
 *     not add up to it
 */
public record BreakdownChart(ChartText text, List<Integer> years, List<Boolean> partialYears, List<BreakdownPart> parts,
        Optional<List<Double>> totals) {
    public BreakdownChart {
        requireNonNull(text, "text is null");
        years = List.copyOf(requireNonNull(years, "years is null"));
        partialYears = List.copyOf(requireNonNull(partialYears, "partialYears is null"));
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        totals = requireNonNull(totals, "totals is null").map(values -> Collections.unmodifiableList(new ArrayList<>(values)));
        if (new HashSet<>(years).size() != years.size()) {
            throw new IllegalArgumentException("A year appears twice in the breakdown '" + text.title() + "': " + years);
        }
        if (partialYears.size() != years.size()) {
            throw new IllegalArgumentException("The breakdown '" + text.title() + "' has " + years.size() + " years but "
                    + partialYears.size() + " partial-year flags");
        }
        for (BreakdownPart part : parts) {
            if (part.values().size() != years.size()) {
                throw new IllegalArgumentException("Part '" + part.label() + "' of the breakdown '" + text.title() + "' has "
                        + part.values().size() + " values for " + years.size() + " years " + years);
            }
        }
        if (totals.isPresent() && totals.get().size() != years.size()) {
            throw new IllegalArgumentException("The totals of the breakdown '" + text.title() + "' have " + totals.get().size()
                    + " values for " + years.size() + " years " + years);
        }
    }
}
