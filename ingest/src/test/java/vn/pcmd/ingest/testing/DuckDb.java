package vn.pcmd.ingest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a query in an in-memory DuckDB, as the warehouse's readers do, and returns the rows as lists. */
public final class DuckDb {
    private DuckDb() {}

    public static List<List<Object>> query(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    public static long count(String sql) {
        return ((Number) query(sql).get(0).get(0)).longValue();
    }
}
