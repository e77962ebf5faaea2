package vn.pcmd.ingest.benchmark;

import vn.pcmd.core.FileTrees;
import vn.pcmd.core.HeapPeak;
import vn.pcmd.core.ProcessCpu;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Ingest throughput against its floor. Reads a folder of generated forms with the same number of threads, first
 * only inflating and scanning the XML of every workbook part the reader touches (the floor: no parsing into cells,
 * no validation, no writing), then ingesting them for real into a new warehouse. Each phase runs twice, cold (its
 * code compiled by the JIT as it runs, as in a user's run) and warm; prints forms/s, facts/s, the peak heap of each
 * phase and the ratio to the floor, cold against cold and warm against warm. The warm ingest writes a second new
 * warehouse beside the first, removed at the end.
 *
 * <p>Usage: {@code IngestBenchmark FORMS_DIR WAREHOUSE_DIR [THREADS]}; run by {@code benchmarks/ingest.sh}, which
 * generates the national 2021–2025 set first.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IngestBenchmark FORMS_DIR WAREHOUSE_DIR [THREADS]");
            System.exit(2);
        }
        Path forms = Path.of(args[0]);
        Path warehouseDirectory = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (Files.exists(warehouseDirectory.resolve(Warehouse.BATCHES))) {
            System.err.println("The warehouse must be new: " + warehouseDirectory);
            System.exit(2);
        }
        List<Path> files = InputFiles.expand(List.of(forms));
        if (files.isEmpty()) {
            // a ratio of two timings of nothing measures nothing
            System.err.println("No forms under " + forms + ": generate them first (benchmarks/ingest.sh does)");
            System.exit(2);
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "forms: %d files, %.1f MiB, %d threads, max heap %d MiB, %d cores%n", files.size(), bytes / 1048576.0, threads,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        // Each phase runs twice. The first pass of each is cold for its own code: the JIT compiles it while it runs,
        // as in a user's `./pcmd ingest` (the page cache is warm for both, the floor having read every file first).
        // The second pass runs compiled code. Cold against cold and warm against warm compare like with like; the
        // floor's warm pass against the ingest's cold pass, which this benchmark printed before, does not.
        HeapPeak.reset();
        double floorCold = seconds(() -> floor(files, threads));
        HeapPeak.reset();
        long[] events = new long[1];
        double floorWarm = seconds(() -> events[0] = floor(files, threads));
        long floorPeak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "floor  (unzip + scan XML only), cold: %.2f s  %.0f forms/s; warm: %.2f s  %.0f forms/s  %d XML events  peak heap %d MiB%n",
                floorCold, files.size() / floorCold, floorWarm, files.size() / floorWarm, events[0], floorPeak >> 20);

        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        Ingestor ingestor = new Ingestor(catalog, units, XlsxLimits.DEFAULT, threads, Clock.systemUTC());
        Path warmWarehouse = Files.createTempDirectory(warehouseDirectory.toAbsolutePath().getParent(), "warm-warehouse-");
        try {
            Phase cold = ingest(ingestor, new Warehouse(warehouseDirectory), files, "cold");
            Phase warm = ingest(ingestor, new Warehouse(warmWarehouse), files, "warm");
            if (cold.facts() != warm.facts()) {
                throw new IllegalStateException("The two ingests wrote different facts: " + cold.facts() + " and " + warm.facts());
            }
            System.out.printf(Locale.ROOT, "ingest / floor: cold %.2fx, warm %.2fx%n", cold.seconds() / floorCold, warm.seconds() / floorWarm);
        }
        finally {
            FileTrees.deleteRecursively(warmWarehouse);
        }
    }

    private record Phase(double seconds, long facts) {}

    /** One ingest of every file into a new warehouse, timed; prints its figures. */
    private static Phase ingest(Ingestor ingestor, Warehouse warehouse, List<Path> files, String pass) throws Exception {
        System.gc();
        HeapPeak.reset();
        IngestResult[] result = new IngestResult[1];
        long processCpu = ProcessCpu.nanos();
        long consumerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double seconds = seconds(() -> result[0] = ingestor.ingest(warehouse, files, ReadOptions.NONE, Progress.NONE));
        consumerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - consumerCpu;
        processCpu = ProcessCpu.nanos() - processCpu;
        long peak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "ingest (read, validate, write Parquet, commit), %s: %.2f s  %.0f forms/s  %.0f facts/s  peak heap %d MiB%n",
                pass, seconds, files.size() / seconds, result[0].factsWritten() / seconds, peak >> 20);
        System.out.printf(Locale.ROOT, "  CPU: %.2f s in the process (readers, writer, JIT compiler, GC), of which %.2f s the writing thread%n", processCpu / 1e9, consumerCpu / 1e9);
        System.out.printf(Locale.ROOT, "  accepted %d, unchanged %d, rejected %d, facts written %d%n", result[0].count(IngestResult.Status.ACCEPTED),
                result[0].count(IngestResult.Status.UNCHANGED), result[0].count(IngestResult.Status.REJECTED), result[0].factsWritten());
        return new Phase(seconds, result[0].factsWritten());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Inflates every part the reader reads and walks its XML events; returns the number of events, so none is skipped. */
    private static long floor(List<Path> files, int threads) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        AtomicLong events = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, files.size() / (threads * 8));
            for (int from = 0; from < files.size(); from += chunk) {
                List<Path> slice = files.subList(from, Math.min(files.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    long count = 0;
                    for (Path file : slice) {
                        if (InputFiles.isCsv(file)) {
                            continue;
                        }
                        try (ZipFile zip = new ZipFile(file.toFile())) {
                            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                                ZipEntry entry = entries.nextElement();
                                String name = entry.getName();
                                if (name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels") || name.equals("xl/sharedStrings.xml")
                                        || name.startsWith("xl/worksheets/sheet")) {
                                    try (InputStream input = zip.getInputStream(entry)) {
                                        XMLStreamReader xml = factory.createXMLStreamReader(input);
                                        while (xml.hasNext()) {
                                            xml.next();
                                            count++;
                                        }
                                    }
                                }
                            }
                        }
                    }
                    events.addAndGet(count);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdown();
        }
        return events.get();
    }
}
