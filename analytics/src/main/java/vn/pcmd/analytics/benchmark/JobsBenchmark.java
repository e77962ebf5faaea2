package vn.pcmd.analytics.benchmark;

import vn.pcmd.analytics.engine.DuckDbEngine;
import vn.pcmd.analytics.engine.Table;
import vn.pcmd.analytics.job.JobRunner;
import vn.pcmd.analytics.jobs.Jobs;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.HeapPeak;
import vn.pcmd.core.ProcessCpu;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.targets.Targets;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * All jobs on a warehouse, each job's time printed, and in the same run the floor: one raw GROUP BY over all facts
 * (indicator × year), the least any roll-up must do. Usage: {@code JobsBenchmark WAREHOUSE_DIR [THREADS]}; run by
 * {@code benchmarks/jobs.sh}, and by {@code benchmarks/jobs-scaled.sh} on a {@link ScaledWarehouse}, whose synthetic
 * senders it adds to the reference tables.
 *
 * <p>After the jobs, the output floor: every mart written again from its own file with nothing computed, the least
 * the jobs must spend on writing what they produce.
 *
 * <p>The machine is shared, so beside wall time each figure has the process's CPU time (DuckDB's threads run in this
 * process), which moves far less with the load of others; the load average is printed before and after. DuckDB's
 * memory is outside the Java heap: the peak resident set of the process (VmHWM) is printed with its memory limit.
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
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        long start = System.nanoTime();
        List<Table> references = new ReferenceTables(catalog, new AdministrativeUnitsLoader(data).load(), Targets.load(data, catalog)).all();
        int copies = ScaledWarehouse.copies(warehouse).orElse(1);
        if (copies > 1) {
            references = ScaledWarehouse.referenceTables(references, copies);
            System.out.printf(Locale.ROOT, "scaled warehouse: %d synthetic copies of the source's senders (ScaledWarehouse)%n", copies);
        }
        System.out.printf(Locale.ROOT, "reference tables built in %.2f s%n", (System.nanoTime() - start) / 1e9);

        try (DuckDbEngine floorEngine = new DuckDbEngine(threads)) {
            floorEngine.parquetView("facts", List.of(warehouse.glob(Warehouse.FACTS_FILES)), List.of());
            long facts = ((Number) floorEngine.query("select count(*) from facts").rows().get(0).get(0)).longValue();
            // warm the file cache and DuckDB's metadata once, then measure
            floorEngine.query("select indicator_code, year, sum(value) from facts group by indicator_code, year");
            start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            int groups = floorEngine.query("select indicator_code, year, sum(value) from facts group by indicator_code, year").rows().size();
            double floorSeconds = (System.nanoTime() - start) / 1e9;
            double floorCpu = (ProcessCpu.nanos() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "facts: %d, %d threads, DuckDB memory limit %s%nfloor: one GROUP BY over all facts (indicator × year, %d groups): %.3f s, CPU %.3f s%n",
                    facts, threads, DuckDbEngine.memoryLimit(), groups, floorSeconds, floorCpu);

            HeapPeak.reset();
            CpuPerJob cpuPerJob = new CpuPerJob();
            long jobsStart = System.nanoTime();
            List<JobRunner.JobTiming> timings;
            try (DuckDbEngine engine = new DuckDbEngine(threads)) {
                timings = new JobRunner(engine, warehouse).run(references, Jobs.all(), List.of(Vintage.values()), cpuPerJob);
            }
            double total = (System.nanoTime() - jobsStart) / 1e9;
            double totalCpu = (ProcessCpu.nanos() - cpuPerJob.startCpu) / 1e9;
            System.out.printf(Locale.ROOT, "  loading reference tables and current facts: CPU %.2f s%n", cpuPerJob.setupCpu() / 1e9);
            long rows = 0;
            for (int index = 0; index < timings.size(); index++) {
                JobRunner.JobTiming timing = timings.get(index);
                rows += timing.rows();
                System.out.printf(Locale.ROOT, "  %-8s vintage %s  %9d rows  %6.2f s  CPU %6.2f s%n", timing.job(), timing.vintage().code(), timing.rows(),
                        timing.elapsed().toNanos() / 1e9, cpuPerJob.jobCpu(index) / 1e9);
            }
            System.out.printf(Locale.ROOT, "all jobs, both vintages (incl. loading reference tables and current facts): %.2f s = %.1fx the floor; CPU %.2f s = %.1fx the floor's;"
                    + " %d mart rows%n", total, total / floorSeconds, totalCpu, totalCpu / floorCpu, rows);
            System.out.printf(Locale.ROOT, "memory: peak RSS %d MiB (JVM and DuckDB), Java heap peak %d MiB, DuckDB memory limit %s%n", peakResidentKib() >> 10,
                    HeapPeak.bytes() >> 20, DuckDbEngine.memoryLimit());
            outputFloor(floorEngine, warehouse);
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /**
     * The least any run of the jobs must spend on its output: each mart written again, as it is, from its own Parquet
     * file to a temporary one (same compression), with nothing computed and nothing sorted.
     */
    private static void outputFloor(DuckDbEngine engine, Warehouse warehouse) {
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        try {
            Path scratch = Files.createTempFile("pcmd-output-floor", ".parquet");
            try {
                for (String mart : Jobs.names()) {
                    for (Vintage vintage : Vintage.values()) {
                        Path file = JobRunner.martsDirectory(warehouse).resolve(mart).resolve("vintage=" + vintage.code() + ".parquet");
                        engine.execute("copy (select * from read_parquet('" + file + "')) to '" + scratch + "' (format parquet, compression zstd)");
                    }
                }
            }
            finally {
                Files.deleteIfExists(scratch);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the output floor's scratch file", e);
        }
        System.out.printf(Locale.ROOT, "output floor: every mart written again from its own file, nothing computed: %.2f s, CPU %.2f s%n", (System.nanoTime() - start) / 1e9,
                (ProcessCpu.nanos() - cpuStart) / 1e9);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2] + " (1, 5, 15 min)";
        }
        catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The resident set's high-water mark of this process, in KiB; -1 where /proc does not say. */
    static long peakResidentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }

    /** CPU time at each job's end: the runner reports one step of progress per job and vintage. */
    private static final class CpuPerJob implements Progress {
        private final long startCpu = ProcessCpu.nanos();
        private final List<Long> marks = new ArrayList<>();

        @Override
        public void start(String task, long total) {
            marks.add(ProcessCpu.nanos());
        }

        @Override
        public synchronized void advance(long done) {
            marks.add(ProcessCpu.nanos());
        }

        @Override
        public void finish() {}

        long setupCpu() {
            return marks.get(0) - startCpu;
        }

        long jobCpu(int index) {
            return marks.get(index + 1) - marks.get(index);
        }
    }
}
