package vn.pcmd.analytics.engine;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The embedded default: DuckDB in this process, in memory, reading and writing the warehouse's Parquet. */
public final class DuckDbEngine implements Engine {
    private final DuckDBConnection connection;

    public DuckDbEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public DuckDbEngine(int threads) {
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            execute("set threads = " + threads);
            // bounded memory: beyond this DuckDB spills its sorts, joins and groupings to temporary files
            execute("set memory_limit = '" + memoryLimit() + "'");
            execute("set temp_directory = '" + System.getProperty("java.io.tmpdir").replace("'", "''") + "/pcmd-duckdb'");
            // results must not depend on thread scheduling: marts are compared row for row with Spark's
            execute("set preserve_insertion_order = true");
        }
        catch (SQLException e) {
            throw new EngineException("Cannot start DuckDB", e);
        }
    }

    /** DuckDB's memory limit: {@code -Dpcmd.duckdb.memory}, 2 GB unless set. */
    public static String memoryLimit() {
        return System.getProperty("pcmd.duckdb.memory", "2GB");
    }

    @Override
    public String name() {
        return "duckdb";
    }

    /**
     * Loads the rows, then turns each text column into an ENUM of its own values (at most {@value #MAX_ENUM_VALUES}),
     * sorted as text sorts. Reference tables hold few distinct texts (codes, names, levels) that end up repeated over
     * millions of mart rows; as ENUMs they join, group and sort as small integers (a mart's final sort about three
     * times cheaper than with the same texts as VARCHAR), and they compare, concatenate and order exactly as text
     * does. Jobs see no difference (Spark keeps them as strings), and marts are written as text
     * ({@link #writeQueryParquet}).
     */
    @Override
    public void load(Table table) {
        String staging = table.name() + "__rows";
        execute("drop table if exists " + table.name());
        for (Column column : table.columns()) {
            execute("drop type if exists " + enumType(table, column));
        }
        execute("create or replace table " + staging + " (" + table.columns().stream()
                .map(column -> column.name() + " " + sqlType(column.type())).collect(Collectors.joining(", ")) + ")");
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
            for (Object[] row : table.rows()) {
                appender.beginRow();
                for (int index = 0; index < row.length; index++) {
                    Object value = row[index];
                    if (value == null) {
                        appender.appendNull();
                    }
                    else if (value instanceof String text) {
                        appender.append(text);
                    }
                    else if (value instanceof Integer number) {
                        appender.append(number);
                    }
                    else if (value instanceof Double number) {
                        appender.append(number);
                    }
                    else if (value instanceof Boolean flag) {
                        appender.append(flag);
                    }
                    else if (value instanceof LocalDate date) {
                        appender.append(date);
                    }
                    else {
                        throw new IllegalArgumentException("Unsupported value " + value.getClass() + " in " + table.name());
                    }
                }
                appender.endRow();
            }
        }
        catch (SQLException e) {
            throw new EngineException("Cannot load table " + table.name(), e);
        }
        List<String> columns = new ArrayList<>();
        for (int index = 0; index < table.columns().size(); index++) {
            Column column = table.columns().get(index);
            int position = index;
            long distinct = column.type() == Column.Type.VARCHAR ? table.rows().stream().map(row -> row[position]).filter(Objects::nonNull).distinct().count() : 0;
            if (distinct > 0 && distinct <= MAX_ENUM_VALUES) {
                // ordered as DuckDB orders text, so that ORDER BY on the ENUM gives the order of the text
                execute("create type " + enumType(table, column) + " as enum (select distinct " + column.name() + " from " + staging + " where " + column.name()
                        + " is not null order by 1)");
                columns.add("cast(" + column.name() + " as " + enumType(table, column) + ") as " + column.name());
            }
            else {
                columns.add(column.name());
            }
        }
        execute("create table " + table.name() + " as select " + String.join(", ", columns) + " from " + staging);
        execute("drop table " + staging);
    }

    /**
     * Above this many distinct texts a column stays VARCHAR: its values hardly repeat (a benchmark's synthetic
     * reporters), so an ENUM would cost more to build than it saves, and it no longer fits two bytes.
     */
    private static final int MAX_ENUM_VALUES = 65_535;

    private static String enumType(Table table, Column column) {
        return table.name() + "__" + column.name();
    }

    @Override
    public void parquetView(String name, List<String> paths, List<Column> emptySchema) {
        if (paths.isEmpty()) {
            execute("create or replace view " + name + " as select " + emptySchema.stream()
                    .map(column -> "cast(null as " + sqlType(column.type()) + ") as " + column.name()).collect(Collectors.joining(", ")) + " where false");
            return;
        }
        String list = paths.stream().map(path -> "'" + path.replace("'", "''") + "'").collect(Collectors.joining(", "));
        execute("create or replace view " + name + " as select * from read_parquet([" + list + "], union_by_name = true, hive_partitioning = false)");
    }

    @Override
    public void materialize(String name, String select) {
        execute("create or replace table " + name + " as " + select);
    }

    @Override
    public void view(String name, String select) {
        execute("create or replace view " + name + " as " + select);
    }

    @Override
    public void drop(String name, boolean view) {
        execute("drop " + (view ? "view" : "table") + " if exists " + name);
    }

    /**
     * ENUM columns (the reference tables' texts, {@link #load}) are written as text: the mart's schema is text whatever
     * the engine, and DuckDB 2.0.0's Parquet writer loses values of ENUM columns now and then (a value written as an
     * empty string, in a different row group each run), which casting first avoids. The cast is a projection over the
     * query, so the rows keep its order.
     */
    @Override
    public void writeQueryParquet(String select, String location) {
        List<String> columns = new ArrayList<>();
        boolean enums = false;
        for (List<Object> column : query("select column_name, column_type from (describe " + select + ")").rows()) {
            String name = "\"" + ((String) column.get(0)).replace("\"", "\"\"") + "\"";
            boolean isEnum = ((String) column.get(1)).startsWith("ENUM");
            enums |= isEnum;
            columns.add(isEnum ? "cast(" + name + " as varchar) as " + name : name);
        }
        String written = enums ? "select " + String.join(", ", columns) + " from (" + select + ") q" : select;
        execute("copy (" + written + ") to '" + location.replace("'", "''") + "' (format parquet, compression zstd)");
    }

    @Override
    public QueryResult query(String select) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            ResultSetMetaData metadata = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                columns.add(metadata.getColumnLabel(column));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int column = 1; column <= columns.size(); column++) {
                    row.add(result.getObject(column));
                }
                rows.add(Collections.unmodifiableList(row));
            }
            return new QueryResult(columns, rows);
        }
        catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** The JDBC connection, for callers that stream large results (query, export). */
    public Connection connection() {
        return connection;
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new EngineException(e.getMessage() + "\n-- in:\n" + sql, e);
        }
    }

    private static String sqlType(Column.Type type) {
        return switch (type) {
            case VARCHAR -> "varchar";
            case INTEGER -> "integer";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        }
        catch (SQLException e) {
            throw new EngineException("Cannot close DuckDB", e);
        }
    }
}
