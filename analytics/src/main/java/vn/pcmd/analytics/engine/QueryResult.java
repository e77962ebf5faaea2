package vn.pcmd.analytics.engine;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A small result read back into Java: column names and rows. */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }
}
