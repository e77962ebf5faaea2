package vn.pcmd.analytics;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.SparkEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.analytics.testing.TuyHoaFixture;
import vn.pcmd.core.Progress;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same job definitions on Spark (local[2]) and on DuckDB give the same marts, row for row: integers and text
 * exactly, decimals within 1e-9 relative. Only the rollup for now: the other jobs run on Spark too, but too slowly
 * on this fixture for the suite (issue #5 tracks it).
 */
class TestSparkEquivalence {
    private static SparkSession spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() {
        spark = SparkEngine.session("local[2]", 2);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theRollupOfTheMergerFixtureIsTheSameOnBothEngines() throws IOException {
        Warehouse duckWarehouse = new Warehouse(temp.resolve("duckdb"));
        TuyHoaFixture.ingest(duckWarehouse);
        Warehouse sparkWarehouse = new Warehouse(temp.resolve("spark"));
        copy(duckWarehouse.batchesDirectory(), sparkWarehouse.batchesDirectory());

        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            new JobRunner(engine, duckWarehouse).run(AnalyticsFixture.referenceTables(), Jobs.withDependencies(List.of("rollup")), List.of(Vintage.values()), Progress.NONE);
        }
        try (SparkEngine engine = new SparkEngine(spark)) {
            new JobRunner(engine, sparkWarehouse).run(AnalyticsFixture.referenceTables(), Jobs.withDependencies(List.of("rollup")), List.of(Vintage.values()), Progress.NONE);
        }

        for (String mart : List.of("rollup")) {
            for (Vintage vintage : Vintage.values()) {
                Path duck = JobRunner.martsDirectory(duckWarehouse).resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
                Path other = JobRunner.martsDirectory(sparkWarehouse).resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
                MartComparison.assertSameRows(mart + " " + vintage.code(), duck, other);
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(path, destination);
                }
            }
        }
    }
}
