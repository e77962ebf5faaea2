package vn.pcmd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.job.Job;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pcmd jobs}: computes the marts from the warehouse's current figures. */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chạy các tác vụ phân tích (run the analytics jobs)",
        footer = {"", "Tác vụ / jobs: rollup, trends, compare, targets, quality, derived; 'all' chạy tất cả (the default)."})
final class JobsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", defaultValue = Main.DEFAULT_WAREHOUSE, description = "Thư mục kho dữ liệu (mặc định: ${DEFAULT-VALUE}; hoặc biến môi trường PCMD_WAREHOUSE)")
    Path warehouse;

    @Option(names = "--engine", defaultValue = "duckdb", description = "duckdb (mặc định, nhúng) hoặc spark")
    String engine;

    @Option(names = "--master", defaultValue = "local[2]",
            description = "Với --engine spark: local[*], local[2] hoặc spark://HOST:PORT (mặc định: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--vintage", converter = UnitsCommand.VintageConverter.class,
            description = "Chỉ tính theo địa giới 2024 hoặc 2025 (mặc định: cả hai / both)")
    Optional<Vintage> vintage;

    @Parameters(arity = "0..*", paramLabel = "JOB", description = "Tác vụ cần chạy (mặc định: all)")
    List<String> jobs = List.of("all");

    @Override
    public Integer call() {
        if (!engine.equals("duckdb") && !engine.equals("spark")) {
            throw new UserException("Không có máy '" + engine + "'; dùng duckdb hoặc spark. No engine '" + engine + "'; use duckdb or spark.", Main.EXIT_USAGE);
        }
        List<Job> selected;
        try {
            selected = Jobs.withDependencies(jobs.contains("all") ? Jobs.names() : jobs);
        }
        catch (IllegalArgumentException e) {
            throw new UserException("Tác vụ không hợp lệ / " + e.getMessage(), Main.EXIT_USAGE);
        }
        Warehouse target = AnalyticsSession.existingWarehouse(warehouse);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        ReferenceTables references = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog));
        List<Vintage> vintages = vintage.map(List::of).orElse(List.of(Vintage.values()));
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        List<JobRunner.JobTiming> timings;
        if (engine.equals("spark")) {
            // Spark's classes are touched only through SparkRun, so the embedded default never loads them
            timings = SparkRun.run(master, target.root(), references.all(), selected, vintages, progress);
        }
        else {
            try (DuckDbEngine runner = new DuckDbEngine()) {
                timings = new JobRunner(runner, target).run(references.all(), selected, vintages, progress);
            }
        }
        for (JobRunner.JobTiming timing : timings) {
            out.printf(Locale.ROOT, "%-8s  địa giới / vintage %s  %8d dòng / rows  %6.2f s%n", timing.job(), timing.vintage().code(), timing.rows(),
                    timing.elapsed().toNanos() / 1e9);
        }
        out.printf(Locale.ROOT, "Xong trong / done in %.1f s. Kết quả / marts: %s%n", (System.nanoTime() - start) / 1e9, JobRunner.martsDirectory(target));
        return 0;
    }
}
