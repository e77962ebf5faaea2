package vn.pcmd.ingest.benchmark;

import vn.pcmd.core.HeapPeak;
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
 * Ingest throughput against its floor. Reads a folder of generated forms twice with the same number of threads:
 * first only inflating and scanning the XML of every workbook part the reader touches (the floor: no parsing into
 * cells, no validation, no writing), then the real ingest into a new warehouse. Prints forms/s, facts/s, the ratio
 * to the floor and the peak heap of each phase.
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

        // the first pass only warms the page cache and the JIT, so that both measured phases start equal
        floor(files, threads);

        HeapPeak.reset();
        long start = System.nanoTime();
        long events = floor(files, threads);
        double floorSeconds = (System.nanoTime() - start) / 1e9;
        long floorPeak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "floor  (unzip + scan XML only): %.2f s  %.0f forms/s  %d XML events  peak heap %d MiB%n",
                floorSeconds, files.size() / floorSeconds, events, floorPeak >> 20);

        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        System.gc();
        HeapPeak.reset();
        start = System.nanoTime();
        IngestResult result = new Ingestor(catalog, units, XlsxLimits.DEFAULT, threads, Clock.systemUTC())
                .ingest(new Warehouse(warehouseDirectory), files, ReadOptions.NONE, Progress.NONE);
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        long ingestPeak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "ingest (read, validate, write Parquet, commit): %.2f s  %.0f forms/s  %.0f facts/s  peak heap %d MiB%n",
                ingestSeconds, files.size() / ingestSeconds, result.factsWritten() / ingestSeconds, ingestPeak >> 20);
        System.out.printf(Locale.ROOT, "accepted %d, unchanged %d, rejected %d, facts written %d%n", result.count(IngestResult.Status.ACCEPTED),
                result.count(IngestResult.Status.UNCHANGED), result.count(IngestResult.Status.REJECTED), result.factsWritten());
        System.out.printf(Locale.ROOT, "ingest / floor: %.2fx%n", ingestSeconds / floorSeconds);
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
