package vn.pcmd.ingest.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The figures of a filled form, by row code and year, to be written by {@link FormTemplateWriter}. A cell not set
 * stays empty (not reported). Tổng cộng is the sum of a row's figures unless set otherwise, so that a generator can
 * also write a total that does not add up; rows the catalog does not know can be added after a known row.
 */
public final class FormValues {
    private final Map<String, Map<Integer, FilledCell>> cells = new HashMap<>();
    private final Map<String, Double> totals = new HashMap<>();
    private final Map<String, List<ExtraRow>> extraRows = new HashMap<>();

    /** A row with a label not in the catalog and no code, written below the row of {@code afterCode}. */
    public record ExtraRow(String label, String unitVi, Map<Integer, FilledCell> cells) {
        public ExtraRow {
            requireNonNull(label, "label is null");
            requireNonNull(unitVi, "unitVi is null");
            cells = Map.copyOf(requireNonNull(cells, "cells is null"));
        }
    }

    public FormValues put(String code, int year, FilledCell value) {
        cells.computeIfAbsent(requireNonNull(code, "code is null"), ignored -> new TreeMap<>()).put(year, requireNonNull(value, "value is null"));
        return this;
    }

    public FormValues putNumber(String code, int year, double value) {
        return put(code, year, FilledCell.number(value));
    }

    public Optional<FilledCell> get(String code, int year) {
        return Optional.ofNullable(cells.getOrDefault(code, Map.of()).get(year));
    }

    /** Writes {@code total} as the row's Tổng cộng instead of the sum of its cells. */
    public FormValues overrideTotal(String code, double total) {
        totals.put(requireNonNull(code, "code is null"), total);
        return this;
    }

    public FormValues addRowAfter(String afterCode, ExtraRow row) {
        extraRows.computeIfAbsent(requireNonNull(afterCode, "afterCode is null"), ignored -> new ArrayList<>()).add(requireNonNull(row, "row is null"));
        return this;
    }

    /** Tổng cộng of a row: the override, else the sum of what its cells stand for; empty when no cell holds a figure. */
    public OptionalDouble total(String code) {
        Double override = totals.get(code);
        if (override != null) {
            return OptionalDouble.of(override);
        }
        return sum(cells.getOrDefault(code, Map.of()));
    }

    static OptionalDouble sum(Map<Integer, FilledCell> row) {
        // decimal arithmetic, so that 0.1 + 0.2 is written as 0.3: the cells hold decimal figures (Triệu đồng)
        BigDecimal sum = null;
        for (FilledCell value : row.values()) {
            OptionalDouble amount = value.amount();
            if (amount.isPresent()) {
                BigDecimal figure = new BigDecimal(Double.toString(amount.getAsDouble()));
                sum = sum == null ? figure : sum.add(figure);
            }
        }
        return sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum.doubleValue());
    }

    List<ExtraRow> rowsAfter(String code) {
        return extraRows.getOrDefault(code, List.of());
    }
}
