package vn.pcmd.ingest.benchmark;

import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import vn.pcmd.core.FileTrees;
import vn.pcmd.core.ProcessCpu;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnitsLoader;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.Submission;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.form.FormReader;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.AttributeCharacters;
import vn.pcmd.ingest.xlsx.CellValue;
import vn.pcmd.ingest.xlsx.Sheet;
import vn.pcmd.ingest.xlsx.XlsxLimits;
import vn.pcmd.ingest.xlsx.XlsxWorkbook;

import javax.xml.stream.XMLStreamConstants;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where an ingest's time goes, one stage on top of the other, on one thread: the floor's scan of the XML; the least
 * work any cell reader must do (every cell's address, type and value decoded, numbers straight from the parser's
 * characters, nothing kept); every sheet read into {@link Sheet}s by {@link XlsxWorkbook}; every form read and
 * validated by {@link FormReader}; and the whole ingest with one reading thread (reading, validating, writing Parquet,
 * committing). Each pass takes the files in ten slices, every stage in turn on each slice (the ingest commits a batch
 * per slice into a new warehouse), so that the machine's slow spells fall on every stage alike. Each stage is timed
 * by the process's CPU, so the JIT's and GC's threads count, and compared with the floor of the same pass.
 * {@link IngestBenchmark} measures the goal; this says which layer a change would have to shrink, and how far it
 * could. Run it on one core ({@code benchmarks/ingest-stages.sh} pins it), so that the compiler's work on another core
 * does not hide in it.
 *
 * <p>Usage: {@code IngestStages FORMS_DIR WORK_DIR [PASSES]}; the first pass is cold and left out of the medians. The
 * forms must all be readable workbooks, as generated ones are: a broken one stops the benchmark.
 */
public final class IngestStages {
    /** Slices of the files each pass takes stage after stage; the ingest stage commits one batch per slice. */
    private static final int SLICES = 10;

    private IngestStages() {}

    private enum Stage {
        FLOOR("floor (unzip + scan XML)"),
        LEAST_WORK("cells, least work"),
        SHEETS("cells into Sheets (XlsxWorkbook)"),
        FORMS("forms read and validated (FormReader)"),
        INGEST("ingest, 1 reading thread, a batch a slice");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IngestStages FORMS_DIR WORK_DIR [PASSES]");
            System.exit(2);
        }
        List<Path> files = InputFiles.expand(List.of(Path.of(args[0]))).stream().filter(file -> !InputFiles.isCsv(file)).toList();
        Path work = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (files.isEmpty() || passes < 2) {
            System.err.println(files.isEmpty() ? "No workbooks under " + args[0] + ": generate them first (benchmarks/ingest.sh does)" : "At least 2 passes: the first is cold");
            System.exit(2);
        }
        Files.createDirectories(work);
        DataDirectory data = DataDirectory.locate();
        Catalog catalog = new CatalogLoader(data).loadLatest();
        UnitRegistry units = new UnitRegistry(new AdministrativeUnitsLoader(data).load(), catalog.period());
        FormReader reader = new FormReader(catalog, units, XlsxLimits.DEFAULT);
        Ingestor ingestor = new Ingestor(catalog, units, XlsxLimits.DEFAULT, 1, Clock.systemUTC());
        XMLInputFactory2 factory = XlsxWorkbook.newXmlFactory();
        System.out.printf(Locale.ROOT, "forms: %d workbooks, %d passes, %d cores%n", files.size(), passes, Runtime.getRuntime().availableProcessors());

        double[][] seconds = new double[Stage.values().length][passes];
        int sliceSize = Math.max(1, (files.size() + SLICES - 1) / SLICES);
        for (int pass = 0; pass < passes; pass++) {
            long events = 0;
            long leastWorkCells = 0;
            long sheetCells = 0;
            long facts = 0;
            long factsWritten = 0;
            // the stages take turns on each slice of the files, so that a slow spell of a shared machine falls on all of them
            for (int from = 0; from < files.size(); from += sliceSize) {
                List<Path> slice = files.subList(from, Math.min(files.size(), from + sliceSize));
                long start = ProcessCpu.nanos();
                events += IngestBenchmark.scan(factory, slice);
                seconds[Stage.FLOOR.ordinal()][pass] += since(start);

                start = ProcessCpu.nanos();
                for (Path file : slice) {
                    leastWorkCells += LeastWorkCells.count(factory, file);
                }
                seconds[Stage.LEAST_WORK.ordinal()][pass] += since(start);

                start = ProcessCpu.nanos();
                for (Path file : slice) {
                    sheetCells += cellsWithValues(file);
                }
                seconds[Stage.SHEETS.ordinal()][pass] += since(start);

                start = ProcessCpu.nanos();
                for (Path file : slice) {
                    FileOutcome outcome = reader.read(file, "", ReadOptions.NONE);
                    for (Submission submission : outcome.submissions()) {
                        facts += submission.facts().size();
                    }
                }
                seconds[Stage.FORMS.ordinal()][pass] += since(start);

                Path warehouse = Files.createTempDirectory(work, "stages-warehouse-");
                try {
                    start = ProcessCpu.nanos();
                    IngestResult result = ingestor.ingest(new Warehouse(warehouse), slice, ReadOptions.NONE, Progress.NONE);
                    seconds[Stage.INGEST.ordinal()][pass] += since(start);
                    factsWritten += result.factsWritten();
                }
                finally {
                    FileTrees.deleteRecursively(warehouse);
                }
            }
            if (leastWorkCells != sheetCells || factsWritten != facts) {
                // stages that saw different cells or facts would not be layers of the same work
                throw new IllegalStateException("The stages disagree: cells " + leastWorkCells + " and " + sheetCells + ", facts " + facts + " and " + factsWritten);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "pass %d%s:", pass + 1, pass == 0 ? " (cold)" : ""));
            for (Stage stage : Stage.values()) {
                line.append(String.format(Locale.ROOT, "  %s %.2f s", stage.label, seconds[stage.ordinal()][pass]));
            }
            System.out.println(line.append(String.format(Locale.ROOT, "  (%d XML events, %d cells, %d facts)", events, sheetCells, facts)));
        }

        System.out.printf(Locale.ROOT, "CPU seconds, median of passes 2–%d, and against the floor of the same pass (median):%n", passes);
        for (Stage stage : Stage.values()) {
            double[] againstFloor = new double[passes - 1];
            double[] warm = new double[passes - 1];
            for (int pass = 1; pass < passes; pass++) {
                warm[pass - 1] = seconds[stage.ordinal()][pass];
                againstFloor[pass - 1] = seconds[stage.ordinal()][pass] / seconds[Stage.FLOOR.ordinal()][pass];
            }
            System.out.printf(Locale.ROOT, "  %-42s %6.2f s  %.2fx%n", stage.label, IngestBenchmark.median(warm), IngestBenchmark.median(againstFloor));
        }
    }

    private static double since(long startNanos) {
        return (ProcessCpu.nanos() - startNanos) / 1e9;
    }

    /** Cells holding a value (a formula without one is not counted), in every sheet of a workbook. */
    private static long cellsWithValues(Path file) throws Exception {
        long cells = 0;
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file, XlsxLimits.DEFAULT)) {
            for (String name : workbook.sheetNames()) {
                for (Sheet.Row row : workbook.sheet(name).orElseThrow().rows()) {
                    for (int column = 0; column < row.width(); column++) {
                        CellValue cell = row.cell(column);
                        if (cell != null && cell.kind() != CellValue.Kind.EMPTY) {
                            cells++;
                        }
                    }
                }
            }
        }
        return cells;
    }

    /**
     * The least a reader of cells must do: the workbook's parts as the floor scans them, each shared string made a
     * String, and in every sheet each cell's address and type read from the parser's buffer and its value decoded (a
     * shared string found by its index, a number read from the parser's characters). No limits, no checks, no grid,
     * nothing kept: a bound for a reader that streamed cells straight into the form's logic, not a reader.
     */
    private static final class LeastWorkCells {
        private static volatile long sink;

        private LeastWorkCells() {}

        static long count(XMLInputFactory2 factory, Path file) throws Exception {
            AttributeCharacters attribute = new AttributeCharacters();
            long cells = 0;
            long checksum = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<String> sharedStrings = new ArrayList<>();
                ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
                if (strings != null) {
                    try (InputStream input = zip.getInputStream(strings)) {
                        XMLStreamReader2 xml = (XMLStreamReader2) factory.createXMLStreamReader(input);
                        boolean inText = false;
                        String text = "";
                        while (xml.hasNext()) {
                            int event = xml.next();
                            if (event == XMLStreamConstants.START_ELEMENT) {
                                inText = xml.getLocalName().equals("t");
                            }
                            else if (event == XMLStreamConstants.CHARACTERS && inText) {
                                // rich text comes in runs, one string all the same
                                text = text.isEmpty() ? xml.getText() : text + xml.getText();
                            }
                            else if (event == XMLStreamConstants.END_ELEMENT) {
                                inText = false;
                                if (xml.getLocalName().equals("si")) {
                                    sharedStrings.add(text);
                                    text = "";
                                }
                            }
                        }
                    }
                }
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")) {
                        try (InputStream input = zip.getInputStream(entry)) {
                            XMLStreamReader2 xml = (XMLStreamReader2) factory.createXMLStreamReader(input);
                            while (xml.hasNext()) {
                                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getAttributeCount() > 0) {
                                    checksum += xml.getAttributeValue(0).length();
                                }
                            }
                        }
                    }
                    if (!name.startsWith("xl/worksheets/sheet")) {
                        continue;
                    }
                    try (InputStream input = zip.getInputStream(entry)) {
                        XMLStreamReader2 xml = (XMLStreamReader2) factory.createXMLStreamReader(input);
                        char type = 'n';
                        boolean inValue = false;
                        while (xml.hasNext()) {
                            int event = xml.next();
                            if (event == XMLStreamConstants.START_ELEMENT) {
                                switch (xml.getLocalName()) {
                                    case "c" -> {
                                        int reference = xml.getAttributeIndex(null, "r");
                                        if (reference >= 0) {
                                            attribute.read(xml, reference);
                                            checksum += address(attribute);
                                        }
                                        int typeAttribute = xml.getAttributeIndex(null, "t");
                                        type = 'n';
                                        if (typeAttribute >= 0) {
                                            attribute.read(xml, typeAttribute);
                                            // n and s are one letter; str, inlineStr, b, e and d are read as text
                                            type = attribute.end() - attribute.start() == 1 && attribute.characters()[attribute.start()] != 'b'
                                                    && attribute.characters()[attribute.start()] != 'e' ? attribute.characters()[attribute.start()] : 't';
                                        }
                                    }
                                    case "v" -> {
                                        inValue = true;
                                        cells++;
                                    }
                                    case "is" -> cells++;
                                    default -> { }
                                }
                            }
                            else if (event == XMLStreamConstants.CHARACTERS && inValue) {
                                char[] text = xml.getTextCharacters();
                                int start = xml.getTextStart();
                                int length = xml.getTextLength();
                                checksum += switch (type) {
                                    case 'n' -> (long) number(text, start, length);
                                    case 's' -> sharedStrings.get((int) number(text, start, length)).length();
                                    default -> length;
                                };
                            }
                            else if (event == XMLStreamConstants.END_ELEMENT) {
                                inValue = false;
                            }
                        }
                    }
                }
            }
            // kept where the compiler cannot drop the decoding that made it
            sink = checksum;
            return cells;
        }

        /** A value's number: whole digits read here, anything else (a point, an exponent, a sign) by the JDK. */
        private static double number(char[] text, int from, int length) {
            long whole = 0;
            for (int index = from; index < from + length; index++) {
                char digit = text[index];
                if (digit < '0' || digit > '9') {
                    return Double.parseDouble(new String(text, from, length));
                }
                whole = whole * 10 + (digit - '0');
            }
            return whole;
        }

        /** The column and row of an A1 address, packed, from the parser's buffer. */
        private static long address(AttributeCharacters reference) {
            long packed = 0;
            for (int index = reference.start(); index < reference.end(); index++) {
                packed = packed * 37 + reference.characters()[index];
            }
            return packed & Long.MAX_VALUE;
        }
    }
}
