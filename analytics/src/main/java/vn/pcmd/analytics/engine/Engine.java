package vn.pcmd.analytics.engine;

import java.util.List;

/**
 * What a job needs from an engine, nothing more: tables from rows and from Parquet, SQL statements in the subset
 * DuckDB and Spark SQL share, and Parquet out. DuckDB (embedded, the default) and Spark are the adapters.
 */
public interface Engine extends AutoCloseable {
    String name();

    /** Loads rows built in Java as a table. */
    void load(Table table);

    /** A view over Parquet files; {@code paths} may be globs. An empty list gives an empty view of {@code emptySchema}. */
    void parquetView(String name, List<String> paths, List<Column> emptySchema);

    /** Runs {@code select} and keeps its result as table {@code name} (replacing one of that name). */
    void materialize(String name, String select);

    /** Keeps {@code select} as view {@code name}, computed where it is read (replacing one of that name). */
    void view(String name, String select);

    /** Drops the table or view {@code name} made by {@link #materialize} or {@link #view}, if it exists. */
    void drop(String name, boolean view);

    /**
     * Runs {@code select} and writes its rows, in the order it gives them, to one Parquet file, keeping nothing. The
     * location is a local path, or for an engine on Hadoop file systems (Spark) a URI: file:, hdfs:, s3a:…
     */
    void writeQueryParquet(String select, String location);

    /** Runs a query and returns its rows (column names first in {@link QueryResult}). */
    QueryResult query(String select);

    @Override
    void close();
}
