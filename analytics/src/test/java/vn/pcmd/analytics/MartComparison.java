package vn.pcmd.analytics;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.QueryResult;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares two Parquet files of a mart row for row, both sorted on every column: decimals within 1e-9 relative. */
final class MartComparison {
    private MartComparison() {}

    static void assertSameRows(String what, Path expected, Path actual) {
        try (DuckDbEngine engine = new DuckDbEngine(1)) {
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
}
