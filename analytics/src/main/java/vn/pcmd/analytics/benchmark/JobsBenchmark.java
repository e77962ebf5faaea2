package vn.pcmd.analytics.benchmark;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.job.WarehouseViews;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.HeapPeak;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * All jobs on a warehouse, each job's time printed, and in the same run the floor: one raw GROUP BY over all facts
 * (indicator × year), the least any roll-up must do. Usage: {@code JobsBenchmark WAREHOUSE_DIR [THREADS]}; run by
 * {@code benchmarks/jobs.sh}. DuckDB's own memory is outside the Java heap: the script reports the process's RSS.
 */
public final class JobsBenchmark {
    private JobsBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: JobsBenchmark WAREHOUSE_DIR [THREADS]");
            System.exit(2);
        }
        Warehouse warehouse = new Warehouse(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        long start = System.nanoTime();
        List<Table> references = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog)).all();
        System.out.printf(Locale.ROOT, "reference tables built in %.2f s%n", (System.nanoTime() - start) / 1e9);

        try (DuckDbEngine floorEngine = new DuckDbEngine(threads)) {
            WarehouseViews.register(floorEngine, warehouse);
            long facts = ((Number) floorEngine.query("select count(*) from facts").rows().get(0).get(0)).longValue();
            // warm the file cache and DuckDB's metadata once, then measure
            floorEngine.query("select indicator_code, year, sum(value) from facts group by indicator_code, year");
            start = System.nanoTime();
            int groups = floorEngine.query("select indicator_code, year, sum(value) from facts group by indicator_code, year").rows().size();
            double floorSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "facts: %d, %d threads%nfloor: one GROUP BY over all facts (indicator × year, %d groups): %.3f s%n", facts, threads, groups,
                    floorSeconds);

            HeapPeak.reset();
            long jobsStart = System.nanoTime();
            List<JobRunner.JobTiming> timings;
            try (DuckDbEngine engine = new DuckDbEngine(threads)) {
                timings = new JobRunner(engine, warehouse).run(references, Jobs.all(), List.of(Vintage.values()), Progress.NONE);
            }
            double total = (System.nanoTime() - jobsStart) / 1e9;
            for (JobRunner.JobTiming timing : timings) {
                System.out.printf(Locale.ROOT, "  %-8s vintage %s  %9d rows  %6.2f s%n", timing.job(), timing.vintage().code(), timing.rows(), timing.elapsed().toNanos() / 1e9);
            }
            System.out.printf(Locale.ROOT, "all jobs, both vintages (incl. loading reference tables and current facts): %.2f s = %.1fx the floor; Java heap peak %d MiB%n",
                    total, total / floorSeconds, HeapPeak.bytes() >> 20);
        }
    }
}
