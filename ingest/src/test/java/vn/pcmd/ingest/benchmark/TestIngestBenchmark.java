package vn.pcmd.ingest.benchmark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.Progress;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.testing.DuckDb;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import javax.tools.ToolProvider;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest benchmarks on a small province, so that the commands BENCHMARKS.md names keep running: they print every
 * pass and the ratios, and their ingests write the facts a plain ingest would. Figures are printed, never asserted.
 */
class TestIngestBenchmark {
    @TempDir
    static Path generated;
    private static Path forms;

    @TempDir
    Path temp;

    @BeforeAll
    static void generateProvince() throws Exception {
        forms = generated.resolve("forms");
        TestingIngest.generateProvince("48", forms);
    }

    @Test
    void printsEveryPassAndTheRatiosToTheFloor() throws Exception {
        Path warehouse = temp.resolve("warehouse");

        String printed = run(IngestBenchmark::main, forms.toString(), warehouse.toString(), "2", "2");

        assertThat(printed).containsPattern("floor  \\(unzip \\+ scan XML only\\), cold: [0-9.]+ s  [0-9]+ forms/s  [0-9.]+ s CPU  [0-9]+ XML events")
                .containsPattern("floor  \\(unzip \\+ scan XML only\\), warm 2: [0-9.]+ s")
                .containsPattern("round 2: ingest / floor [0-9.]+x")
                .containsPattern("ingest / floor, cold: [0-9.]+x \\(CPU [0-9.]+x\\)")
                .containsPattern("ingest / floor, warm \\(median of 2 rounds' ratios; medians: floor [0-9.]+ s, ingest [0-9.]+ s  [0-9]+ forms/s\\): [0-9.]+x");
        // every pass, cold and warm, accepted every form and wrote the same facts: those of the cold pass's warehouse
        Matcher passes = Pattern.compile("accepted (\\d+), unchanged 0, rejected 0, facts written (\\d+)").matcher(printed);
        long files = InputFiles.expand(List.of(forms)).size();
        long facts = DuckDb.count("select count(*) from read_parquet('" + new Warehouse(warehouse).glob(Warehouse.FACTS_FILES) + "')");
        assertThat(files).isGreaterThan(50);
        assertThat(facts).isGreaterThan(10_000);
        int passCount = 0;
        while (passes.find()) {
            assertThat(Long.parseLong(passes.group(1))).isEqualTo(files);
            assertThat(Long.parseLong(passes.group(2))).isEqualTo(facts);
            passCount++;
        }
        assertThat(passCount).isEqualTo(3);
        // the warm rounds' warehouses are removed after their round: only the cold pass's remains
        try (var beside = Files.list(temp)) {
            assertThat(beside.map(path -> path.getFileName().toString()).toList()).containsExactly("warehouse");
        }
    }

    @Test
    void printsEachStageAgainstTheFloorAndEveryStageSeesTheSameFacts() throws Exception {
        Path work = temp.resolve("stages");

        String printed = run(IngestStages::main, forms.toString(), work.toString(), "2");

        assertThat(printed).containsPattern("pass 1 \\(cold\\):  floor \\(unzip \\+ scan XML\\) [0-9.]+ s  cells, least work [0-9.]+ s  cells into Sheets \\(XlsxWorkbook\\) [0-9.]+ s"
                        + "  forms read and validated \\(FormReader\\) [0-9.]+ s  ingest, 1 reading thread, a batch a slice [0-9.]+ s")
                .containsPattern("pass 2:  floor")
                .containsPattern("CPU seconds, median of passes 2–2")
                .containsPattern("ingest, 1 reading thread, a batch a slice +[0-9.]+ s  [0-9.]+x");
        // the stages saw the same cells (checked by the benchmark itself) and the facts a plain ingest writes
        Path warehouse = temp.resolve("plain");
        new Ingestor(TestingIngest.catalog(), TestingIngest.units(), XlsxLimits.DEFAULT, 2, Clock.systemUTC())
                .ingest(new Warehouse(warehouse), InputFiles.expand(List.of(forms)), ReadOptions.NONE, Progress.NONE);
        long facts = DuckDb.count("select count(*) from read_parquet('" + new Warehouse(warehouse).glob(Warehouse.FACTS_FILES) + "')");
        Matcher passes = Pattern.compile("\\((\\d+) XML events, (\\d+) cells, (\\d+) facts\\)").matcher(printed);
        int passCount = 0;
        while (passes.find()) {
            assertThat(Long.parseLong(passes.group(2))).isGreaterThan(facts);
            assertThat(Long.parseLong(passes.group(3))).isEqualTo(facts);
            passCount++;
        }
        assertThat(passCount).isEqualTo(2);
        // each pass's warehouse is removed after it
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    /** The profiling harness is a source file that benchmarks/profile-ingest.sh runs, outside the build: it must still compile. */
    @Test
    void profilingHarnessCompilesAgainstTheCode() {
        Path source = Path.of("..", "benchmarks", "ProfileIngest.java");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", temp.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertThat(status).as(errors.toString(UTF_8)).isZero();
        assertThat(temp.resolve("ProfileIngest.class")).exists();
    }

    /** A benchmark's entry point, as the scripts call it. */
    private interface Benchmark {
        void main(String[] arguments) throws Exception;
    }

    private static String run(Benchmark benchmark, String... arguments) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            benchmark.main(arguments);
        }
        finally {
            System.setOut(standardOut);
        }
        return printed.toString(UTF_8);
    }
}
