package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.engine.DuckDbEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestJobsCommand {
    @TempDir
    Path temp;

    @Test
    void theSparkEngineWritesTheMartTheDefaultEngineWrites() throws IOException {
        Path duckdb = TestingWarehouse.ingest(temp.resolve("duckdb"), "nhon-trach.csv", TestingWarehouse.NHON_TRACH);
        Path spark = TestingWarehouse.ingest(temp.resolve("spark"), "nhon-trach.csv", TestingWarehouse.NHON_TRACH);

        CommandLineRun onDuckDb = CommandLineRun.of("jobs", "--warehouse", duckdb.toString(), "--vintage", "2025", "rollup");
        CommandLineRun onSpark = CommandLineRun.of("jobs", "--warehouse", spark.toString(), "--engine", "spark", "--master", "local[2]", "--vintage", "2025", "rollup");

        assertThat(onDuckDb.exitCode()).as(onDuckDb.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.out()).contains("rollup    địa giới / vintage 2025").contains("Xong trong / done in");
        Path expected = duckdb.resolve("marts/rollup/vintage=2025.parquet");
        Path actual = spark.resolve("marts/rollup/vintage=2025.parquet");
        try (DuckDbEngine engine = new DuckDbEngine(1)) {
            String both = "(select * from read_parquet('" + expected + "') except all select * from read_parquet('" + actual + "'))"
                    + " union all (select * from read_parquet('" + actual + "') except all select * from read_parquet('" + expected + "'))";
            assertThat(engine.query("select count(*) from read_parquet('" + actual + "')").rows()).isNotEqualTo(List.of(List.of(0L)));
            assertThat(engine.query(both).rows()).as("rows of one mart and not the other").isEmpty();
        }
        // the run's scratch folder is gone; only the marts and the batches remain
        try (Stream<Path> left = Files.list(spark.resolve("_spark"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anUnknownEngineIsAUsageError() throws IOException {
        Path warehouse = TestingWarehouse.ingest(temp, "nhon-trach.csv", TestingWarehouse.NHON_TRACH);

        CommandLineRun run = CommandLineRun.of("jobs", "--warehouse", warehouse.toString(), "--engine", "flink");

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("No engine 'flink'; use duckdb or spark.");
    }
}
