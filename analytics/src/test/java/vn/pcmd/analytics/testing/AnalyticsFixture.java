package vn.pcmd.analytics.testing;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.QueryResult;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.job.WarehouseViews;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A small warehouse made the way real ones are: figures written as the long CSV, ingested by the real Ingestor,
 * jobs run on real DuckDB, marts read back from their Parquet files. Each test states its figures by hand, so that
 * its expectations can be computed by hand.
 */
public final class AnalyticsFixture {
    public static final String CSV_HEADER = "unit_code,form,agency,indicator_code,year,value";

    private static Catalog catalog;
    private static AdministrativeUnits units;
    private static List<Table> referenceTables;

    private AnalyticsFixture() {}

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
        }
        return catalog;
    }

    public static synchronized AdministrativeUnits units() {
        if (units == null) {
            units = new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load();
        }
        return units;
    }

    public static synchronized List<Table> referenceTables() {
        if (referenceTables == null) {
            DataDirectory data = TestingDataDirectory.repository();
            referenceTables = new ReferenceTables(catalog(), units(), Targets.load(data, catalog())).all();
        }
        return referenceTables;
    }

    /** Ingests CSV lines ({@code unit_code,form,agency,indicator_code,year,value}, no header) as one file, one batch. */
    public static IngestResult ingest(Warehouse warehouse, String fileName, String... lines) {
        try {
            Path directory = Files.createDirectories(warehouse.root().resolveSibling(warehouse.root().getFileName() + "-input"));
            Path file = directory.resolve(fileName);
            Files.writeString(file, CSV_HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            IngestResult result = new Ingestor(catalog(), new UnitRegistry(units(), catalog().period()), XlsxLimits.DEFAULT, 1, Clock.systemUTC())
                    .ingest(warehouse, List.of(file), ReadOptions.NONE, Progress.NONE);
            if (result.count(IngestResult.Status.REJECTED) > 0) {
                throw new IllegalArgumentException("Fixture rejected: " + result.files().get(0).issues());
            }
            return result;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the named jobs (with their dependencies) for the vintages on embedded DuckDB, writing the marts. */
    public static List<JobRunner.JobTiming> runJobs(Warehouse warehouse, List<String> jobs, Vintage... vintages) {
        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            return new JobRunner(engine, warehouse).run(referenceTables(), Jobs.withDependencies(jobs), List.of(vintages), Progress.NONE);
        }
    }

    /** Queries the marts as written on disk (views named after the jobs), with the reference tables loaded. */
    public static QueryResult query(Warehouse warehouse, String sql) {
        try (DuckDbEngine engine = new DuckDbEngine(2)) {
            referenceTables().forEach(engine::load);
            WarehouseViews.registerMarts(engine, JobRunner.martsDirectory(warehouse), Jobs.names());
            return engine.query(sql);
        }
    }
}
