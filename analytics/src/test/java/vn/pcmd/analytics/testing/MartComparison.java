package vn.pcmd.analytics.testing;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.QueryResult;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares two Parquet files of a mart: the same columns with the same types, and row for row, both sorted on every
 * column: text, integers and booleans exactly, decimals within 1e-9 relative (1e-9 absolute below 1).
 */
public final class MartComparison {
    private MartComparison() {}

    public static void assertSameRows(String what, Path expected, Path actual) {
        try (DuckDbEngine engine = new DuckDbEngine(1)) {
            assertThat(engine.query(describe(actual)).rows()).as("%s schema (column, type)", what).isEqualTo(engine.query(describe(expected)).rows());
            QueryResult left = engine.query("select * from read_parquet('" + expected + "') order by all");
            QueryResult right = engine.query("select * from read_parquet('" + actual + "') order by all");
            assertThat(right.columns()).as("%s columns", what).isEqualTo(left.columns());
            assertThat(right.rows()).as("%s rows", what).hasSameSizeAs(left.rows());
            assertThat(left.rows()).as("%s is not empty", what).isNotEmpty();
            for (int row = 0; row < left.rows().size(); row++) {
                List<Object> expectedRow = left.rows().get(row);
                List<Object> actualRow = right.rows().get(row);
                for (int column = 0; column < expectedRow.size(); column++) {
                    Object expectedValue = expectedRow.get(column);
                    Object actualValue = actualRow.get(column);
                    String where = what + " row " + row + " column " + left.columns().get(column);
                    if (expectedValue instanceof Double expectedNumber && actualValue instanceof Double actualNumber) {
                        assertThat(actualNumber).as(where).isCloseTo(expectedNumber,
                                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expectedNumber))));
                    }
                    else {
                        assertThat(actualValue).as(where).isEqualTo(expectedValue);
                    }
                }
            }
        }
    }

    private static String describe(Path file) {
        return "select column_name, column_type from (describe select * from read_parquet('" + file + "'))";
    }
}
