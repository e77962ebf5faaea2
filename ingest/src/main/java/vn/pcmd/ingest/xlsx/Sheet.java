package vn.pcmd.ingest.xlsx;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** The cells of one worksheet, by 1-based row and 0-based column, with its merged ranges. */
public final class Sheet {
    private final String name;
    private final boolean hidden;
    private final NavigableMap<Integer, NavigableMap<Integer, CellValue>> rows;
    private final List<MergedRange> mergedRanges;

    /** A merged block; its value sits in the top-left cell. */
    public record MergedRange(int firstRow, int firstColumn, int lastRow, int lastColumn) {}

    Sheet(String name, boolean hidden, NavigableMap<Integer, NavigableMap<Integer, CellValue>> rows, List<MergedRange> mergedRanges) {
        this.name = requireNonNull(name, "name is null");
        this.hidden = hidden;
        this.rows = Collections.unmodifiableNavigableMap(rows);
        this.mergedRanges = List.copyOf(mergedRanges);
    }

    public String name() {
        return name;
    }

    public boolean hidden() {
        return hidden;
    }

    /** Rows that hold at least one cell, keyed by 1-based row number. */
    public NavigableMap<Integer, NavigableMap<Integer, CellValue>> rows() {
        return rows;
    }

    public Map<Integer, CellValue> row(int row) {
        return rows.getOrDefault(row, new TreeMap<>());
    }

    public Optional<CellValue> cell(int row, int column) {
        return Optional.ofNullable(row(row).get(column));
    }

    public List<MergedRange> mergedRanges() {
        return mergedRanges;
    }
}
