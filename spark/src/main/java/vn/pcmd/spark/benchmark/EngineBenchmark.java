package vn.pcmd.spark.benchmark;

import org.apache.spark.sql.SparkSession;
import vn.pcmd.analytics.benchmark.TimedEngine;
import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.JobRunner;
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
import vn.pcmd.spark.HadoopWarehouse;
import vn.pcmd.spark.SparkJobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * All jobs, both vintages, on one engine, each job timed; run once per engine by benchmarks/spark.sh, which puts the
 * two side by side with each JVM's peak memory. Usage:
 * {@code EngineBenchmark WAREHOUSE_DIR duckdb THREADS TIMINGS_FILE} or {@code EngineBenchmark WAREHOUSE_DIR spark MASTER TIMINGS_FILE}.
 * The timings file gets one line per job and vintage ({@code job vintage seconds rows}) and the totals; beside it,
 * {@code TIMINGS_FILE.statements} has every engine statement with its wall and CPU seconds ({@link TimedEngine}).
 */
public final class EngineBenchmark {
    private EngineBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !List.of("duckdb", "spark").contains(args[1])) {
            System.err.println("usage: EngineBenchmark WAREHOUSE_DIR duckdb THREADS TIMINGS_FILE | EngineBenchmark WAREHOUSE_DIR spark MASTER TIMINGS_FILE");
            System.exit(2);
        }
        Path directory = Path.of(args[0]).toAbsolutePath();
        String engine = args[1];
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        List<Table> references = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog)).all();
        int copies = ReplicatedWarehouse.copies(directory).orElse(1);
        references = ReplicatedWarehouse.withReplicas(references, copies);

        HeapPeak.reset();
        long start = System.nanoTime();
        List<JobRunner.JobTiming> timings;
        TimedEngine timed;
        double startup;
        if (engine.equals("duckdb")) {
            try (TimedEngine duckdb = new TimedEngine(new DuckDbEngine(Integer.parseInt(args[2])))) {
                startup = (System.nanoTime() - start) / 1e9;
                timed = duckdb;
                timings = new JobRunner(duckdb, new Warehouse(directory)).run(references, Jobs.all(), List.of(Vintage.values()), new Announcing(start));
            }
        }
        else {
            String master = args[2];
            SparkSession spark = SparkJobs.session(master, SparkJobs.shufflePartitions(master));
            try {
                startup = (System.nanoTime() - start) / 1e9;
                HadoopWarehouse warehouse = new HadoopWarehouse(directory.toUri().toString(), spark.sparkContext().hadoopConfiguration());
                try (TimedEngine sparkEngine = new TimedEngine(SparkJobs.engine(spark, warehouse))) {
                    timed = sparkEngine;
                    timings = new JobRunner(sparkEngine, warehouse).run(references, Jobs.all(), List.of(Vintage.values()), new Announcing(start));
                }
            }
            finally {
                spark.stop();
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        long heap = HeapPeak.bytes();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
            for (JobRunner.JobTiming timing : timings) {
                out.printf(Locale.ROOT, "%s %s %.2f %d%n", timing.job(), timing.vintage().code(), timing.elapsed().toNanos() / 1e9, timing.rows());
            }
            out.printf(Locale.ROOT, "startup - %.2f 0%n", startup);
            out.printf(Locale.ROOT, "total - %.2f 0%n", total);
            out.printf(Locale.ROOT, "heap - %d 0%n", heap >> 20);
        }
        // every statement's wall and CPU seconds, in the order they ran: where the time of each job goes
        Files.write(Path.of(args[3] + ".statements"), timed.timings().stream().map(TimedEngine.StatementTiming::line).toList(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d copies, all jobs in %.1f s (engine start %.1f s), Java heap peak %d MiB%n", engine, copies, total, startup, heap >> 20);
    }

    /** Says on stdout how many jobs are done and when, so that a run stopped by a time limit still tells how far it got. */
    private static final class Announcing implements Progress {
        private final long start;
        private long total;
        private long done;

        Announcing(long start) {
            this.start = start;
        }

        @Override
        public void start(String what, long total) {
            this.total = total;
        }

        @Override
        public void advance(long steps) {
            done += steps;
            System.out.printf(Locale.ROOT, "  %d of %d jobs done at %.1f s%n", done, total, (System.nanoTime() - start) / 1e9);
        }

        @Override
        public void finish() {
        }
    }
}
