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
            execute("set memory_limit = '" + System.getProperty("pcmd.duckdb.memory", "2GB") + "'");
            execute("set temp_directory = '" + System.getProperty("java.io.tmpdir").replace("'", "''") + "/pcmd-duckdb'");
            // results must not depend on thread scheduling: marts are compared row for row with Spark's
            execute("set preserve_insertion_order = true");
        }
        catch (SQLException e) {
            throw new EngineException("Cannot start DuckDB", e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public void load(Table table) {
        execute("create or replace table " + table.name() + " (" + table.columns().stream()
                .map(column -> column.name() + " " + sqlType(column.type())).collect(Collectors.joining(", ")) + ")");
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
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
    }

    @Override
    public void parquetView(String name, List<String> paths, List<Column> emptySchema) {
        if (paths.isEmpty()) {
            execute("create or replace view " + name + " as select " + emptySchema.stream()
                    .map(column -> "cast(null as " + sqlType(column.type()) + ") as " + column.name()).collect(Collectors.joining(", ")) + " where false");
            return;
        }
        String list = paths.stream().map(path -> "'" + path.replace("'", "''") + "'").collect(Collectors.joining(", "));
        execute("create or replace view " + name + " as select * from read_parquet([" + list + "], union_by_name = true)");
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

    @Override
    public void writeQueryParquet(String select, String location) {
        execute("copy (" + select + ") to '" + location.replace("'", "''") + "' (format parquet, compression zstd)");
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
