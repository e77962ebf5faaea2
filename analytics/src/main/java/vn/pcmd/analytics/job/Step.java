package vn.pcmd.analytics.job;

import static java.util.Objects.requireNonNull;

/** One statement of a job: a SELECT in the SQL subset DuckDB and Spark SQL share, kept as table {@code table}. */
public record Step(String table, String select) {
    public Step {
        requireNonNull(table, "table is null");
        requireNonNull(select, "select is null");
    }
}
