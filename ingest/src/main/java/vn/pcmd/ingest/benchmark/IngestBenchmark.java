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
import vn.pcmd.ingest.xlsx.XlsxWorkbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Ingest throughput against its floor. Reads a folder of generated forms with the same number of threads, first
 * only inflating and scanning the XML of every workbook part the reader touches (the floor: no parsing into cells,
 * no validation, no writing), then ingesting them for real into a new warehouse. The first pass of each is cold (its
 * code compiled by the JIT as it runs, as in a user's run); then warm rounds of both, one right after the other, so
 * that a slow spell of a shared machine falls on both. Prints forms/s, facts/s, CPU seconds and peak heap, and the
 * ratios to the floor: cold against cold, and warm as the median of each round's ratio (a ratio of two passes a few
 * seconds apart is steadier on a shared machine than a ratio of two medians taken minutes apart), with the medians of
 * the passes beside it. Warm ingests write new warehouses beside the first, each removed after its round.
 *
 * <p>Usage: {@code IngestBenchmark FORMS_DIR WAREHOUSE_DIR [THREADS [WARM_ROUNDS]]}; run by
 * {@code benchmarks/ingest.sh}, which generates the national 2021–2025 set first.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {}

    /** A timed pass: wall and process CPU seconds, and what it counted (XML events, or facts written). */
    private record Phase(double seconds, double cpuSeconds, long count) {
        String describe(int forms) {
            return String.format(Locale.ROOT, "%.2f s  %.0f forms/s  %.2f s CPU", seconds, forms / seconds, cpuSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IngestBenchmark FORMS_DIR WAREHOUSE_DIR [THREADS [WARM_ROUNDS]]");
            System.exit(2);
        }
        Path forms = Path.of(args[0]);
        Path warehouseDirectory = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmRounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
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

        HeapPeak.reset();
        Phase floorCold = floor(files, threads);
        System.out.printf(Locale.ROOT, "floor  (unzip + scan XML only), cold: %s  %d XML events  peak heap %d MiB%n", floorCold.describe(files.size()),
                floorCold.count(), HeapPeak.bytes() >> 20);

        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        Ingestor ingestor = new Ingestor(catalog, units, XlsxLimits.DEFAULT, threads, Clock.systemUTC());
        Phase ingestCold = ingest(ingestor, new Warehouse(warehouseDirectory), files, "cold");

        List<Phase> floorWarm = new ArrayList<>();
        List<Phase> ingestWarm = new ArrayList<>();
        List<Ratio> roundRatios = new ArrayList<>();
        for (int round = 1; round <= warmRounds; round++) {
            System.gc();
            HeapPeak.reset();
            Phase floor = floor(files, threads);
            System.out.printf(Locale.ROOT, "floor  (unzip + scan XML only), warm %d: %s  peak heap %d MiB%n", round, floor.describe(files.size()), HeapPeak.bytes() >> 20);
            floorWarm.add(floor);
            Path warmWarehouse = Files.createTempDirectory(warehouseDirectory.toAbsolutePath().getParent(), "warm-warehouse-");
            try {
                Phase ingest = ingest(ingestor, new Warehouse(warmWarehouse), files, "warm " + round);
                if (ingest.count() != ingestCold.count()) {
                    throw new IllegalStateException("Two ingests wrote different facts: " + ingestCold.count() + " and " + ingest.count());
                }
                ingestWarm.add(ingest);
                Ratio ratio = Ratio.of(ingest, floor);
                roundRatios.add(ratio);
                System.out.printf(Locale.ROOT, "  round %d: ingest / floor %.2fx (CPU %.2fx)%n", round, ratio.wall(), ratio.cpu());
            }
            finally {
                FileTrees.deleteRecursively(warmWarehouse);
            }
        }
        Ratio cold = Ratio.of(ingestCold, floorCold);
        System.out.printf(Locale.ROOT, "ingest / floor, cold: %.2fx (CPU %.2fx)%n", cold.wall(), cold.cpu());
        if (warmRounds > 0) {
            double floorSeconds = median(floorWarm, Phase::seconds);
            double ingestSeconds = median(ingestWarm, Phase::seconds);
            System.out.printf(Locale.ROOT, "ingest / floor, warm (median of %d rounds' ratios; medians: floor %.2f s, ingest %.2f s  %.0f forms/s): %.2fx (CPU %.2fx)%n",
                    warmRounds, floorSeconds, ingestSeconds, files.size() / ingestSeconds, median(roundRatios, Ratio::wall), median(roundRatios, Ratio::cpu));
        }
    }

    /** An ingest against its floor, in wall and in CPU seconds. */
    private record Ratio(double wall, double cpu) {
        static Ratio of(Phase ingest, Phase floor) {
            return new Ratio(ingest.seconds() / floor.seconds(), ingest.cpuSeconds() / floor.cpuSeconds());
        }
    }

    private static <T> double median(List<T> measured, ToDoubleFunction<T> measure) {
        return median(measured.stream().mapToDouble(measure).toArray());
    }

    /** The median of some measurements, the mean of the middle two for an even count; the array is left as it was. */
    static double median(double[] measured) {
        double[] values = measured.clone();
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** One ingest of every file into a new warehouse, timed; prints its figures. */
    private static Phase ingest(Ingestor ingestor, Warehouse warehouse, List<Path> files, String pass) throws Exception {
        System.gc();
        HeapPeak.reset();
        long processCpu = ProcessCpu.nanos();
        long writerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        IngestResult result = ingestor.ingest(warehouse, files, ReadOptions.NONE, Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        writerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - writerCpu;
        Phase phase = new Phase(seconds, (ProcessCpu.nanos() - processCpu) / 1e9, result.factsWritten());
        System.out.printf(Locale.ROOT, "ingest (read, validate, write Parquet, commit), %s: %s (%.2f s the writing thread)  %.0f facts/s  peak heap %d MiB%n",
                pass, phase.describe(files.size()), writerCpu / 1e9, result.factsWritten() / seconds, HeapPeak.bytes() >> 20);
        System.out.printf(Locale.ROOT, "  accepted %d, unchanged %d, rejected %d, facts written %d%n", result.count(IngestResult.Status.ACCEPTED),
                result.count(IngestResult.Status.UNCHANGED), result.count(IngestResult.Status.REJECTED), result.factsWritten());
        return phase;
    }

    /** Inflates every part the reader reads and walks its XML events, timed; counts the events, so none is skipped. */
    private static Phase floor(List<Path> files, int threads) throws Exception {
        long processCpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        // the reader's own parser, as it configures it
        XMLInputFactory factory = XlsxWorkbook.newXmlFactory();
        AtomicLong events = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, files.size() / (threads * 8));
            for (int from = 0; from < files.size(); from += chunk) {
                List<Path> slice = files.subList(from, Math.min(files.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    events.addAndGet(scan(factory, slice));
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
        return new Phase((System.nanoTime() - start) / 1e9, (ProcessCpu.nanos() - processCpu) / 1e9, events.get());
    }

    static long scan(XMLInputFactory factory, List<Path> files) throws Exception {
        long count = 0;
        for (Path file : files) {
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
        return count;
    }
}
