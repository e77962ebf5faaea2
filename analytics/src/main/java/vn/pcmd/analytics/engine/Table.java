package vn.pcmd.analytics.engine;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Rows built in Java (reference data from data/) for an engine to load as a table. */
public record Table(String name, List<Column> columns, List<Object[]> rows) {
    public Table {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("Table " + name + " has " + columns.size() + " columns, a row has " + row.length);
            }
        }
    }
}
