package vn.pcmd.ingest.xlsx;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The cells of one worksheet, by 1-based row and 0-based column. Rows are arrays of cells rather than maps: a form is
 * a small dense grid, read thousands of times in one run. Merged ranges are not kept: a merged block's value sits in
 * its top-left cell, which is all a form's header needs of it.
 */
public final class Sheet {
    private final String name;
    private final boolean hidden;
    private final List<Row> rows;

    /** A row holding at least one cell. */
    public static final class Row {
        private final int number;
        private final CellValue[] cells;

        Row(int number, CellValue[] cells) {
            this.number = number;
            this.cells = cells;
        }

        /** The 1-based row number. */
        public int number() {
            return number;
        }

        /** The cell at a 0-based column, or null when the row has none there. */
        public CellValue cell(int column) {
            return column >= 0 && column < cells.length ? cells[column] : null;
        }

        /** One past the last column that may hold a cell: columns from 0 to here hold the row's cells, or null. */
        public int width() {
            return cells.length;
        }
    }

    Sheet(String name, boolean hidden, List<Row> rows) {
        this.name = requireNonNull(name, "name is null");
        this.hidden = hidden;
        this.rows = List.copyOf(rows);
    }

    public String name() {
        return name;
    }

    public boolean hidden() {
        return hidden;
    }

    /** Rows that hold at least one cell, in row order. */
    public List<Row> rows() {
        return rows;
    }
}
