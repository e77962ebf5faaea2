package vn.pcmd.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.testing.AnalyticsFixture;
import vn.pcmd.analytics.testing.MartComparison;
import vn.pcmd.analytics.testing.TuyHoaFixture;
import vn.pcmd.core.FileTrees;
import vn.pcmd.core.Progress;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.generate.GenerationOptions;
import vn.pcmd.ingest.generate.GenerationScope;
import vn.pcmd.ingest.generate.SyntheticForms;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same job definitions on Spark ({@code local[2]}) and on DuckDB give the same marts: the same columns and
 * types, and row for row the same values (text and integers exactly, decimals within 1e-9 relative), for every job
 * and both vintages.
 */
class TestSparkEquivalence {
    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    @TempDir
    Path temp;

    /**
     * One warehouse holds both the merger fixture (Phú Yên, 54: hand-computed figures across the reform) and a
     * generated province (Đà Nẵng, 48: every level and form, communes abolished before 2025, and the office mistakes
     * the generator makes: a few files rejected, warnings kept), so that one Spark run covers both.
     */
    @Test
    void everyMartOfTheMergerFixtureAndOfAGeneratedProvinceIsTheSameOnBothEngines() throws IOException {
        Warehouse warehouse = new Warehouse(temp.resolve("duckdb"));
        TuyHoaFixture.ingest(warehouse);
        Path forms = temp.resolve("forms");
        new SyntheticForms(AnalyticsFixture.catalog(), new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load())
                .generate(GenerationOptions.of(GenerationScope.province("48"), 2021, 2025, 7), forms, Progress.NONE);
        IngestResult result = new Ingestor(AnalyticsFixture.catalog(), new UnitRegistry(AnalyticsFixture.units(), AnalyticsFixture.catalog().period()),
                XlsxLimits.DEFAULT, 2, Clock.systemUTC()).ingest(warehouse, InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);
        assertThat(result.count(IngestResult.Status.ACCEPTED)).isGreaterThan(50);
        assertThat(warehouse.batches()).hasSize(2);

        assertSameMartsOnBothEngines(warehouse);
    }

    private void assertSameMartsOnBothEngines(Warehouse duckWarehouse) throws IOException {
        Warehouse sparkWarehouse = new Warehouse(temp.resolve("spark"));
        FileTrees.copyRecursively(duckWarehouse.batchesDirectory(), sparkWarehouse.batchesDirectory());

        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            new JobRunner(engine, duckWarehouse).run(AnalyticsFixture.referenceTables(), Jobs.all(), List.of(Vintage.values()), Progress.NONE);
        }
        HadoopWarehouse sparkLocation = new HadoopWarehouse(sparkWarehouse.root().toUri().toString(), SPARK.session().sparkContext().hadoopConfiguration());
        SparkJobs.run(SPARK.session(), sparkLocation, AnalyticsFixture.referenceTables(), Jobs.all(), List.of(Vintage.values()), Progress.NONE);

        for (String mart : Jobs.names()) {
            for (Vintage vintage : Vintage.values()) {
                Path expected = JobRunner.martsDirectory(duckWarehouse).resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
                Path actual = JobRunner.martsDirectory(sparkWarehouse).resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
                MartComparison.assertSameRows(mart + " " + vintage.code(), expected, actual);
            }
        }
        // nothing but the marts is left: no staged file, no Hadoop checksum, no scratch of the run
        try (Stream<Path> files = Files.walk(JobRunner.martsDirectory(sparkWarehouse))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .hasSize(Jobs.names().size() * Vintage.values().length)
                    .allMatch(name -> name.matches("vintage=\\d{4}\\.parquet"));
        }
        try (Stream<Path> scratch = Files.list(sparkWarehouse.root().resolve(SparkJobs.SCRATCH_FOLDER))) {
            assertThat(scratch).isEmpty();
        }
    }
}
