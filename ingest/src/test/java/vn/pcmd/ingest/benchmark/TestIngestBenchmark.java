package vn.pcmd.ingest.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.ingest.InputFiles;
import vn.pcmd.ingest.testing.DuckDb;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest benchmark on a small province, so that the command BENCHMARKS.md names keeps running: it prints every
 * pass and the ratios, and its ingests write the facts a plain ingest would. Figures are printed, never asserted.
 */
class TestIngestBenchmark {
    @TempDir
    Path temp;

    @Test
    void printsEveryPassAndTheRatiosToTheFloor() throws Exception {
        Path forms = temp.resolve("forms");
        TestingIngest.generateProvince("48", forms);
        Path warehouse = temp.resolve("warehouse");

        String printed = run(forms.toString(), warehouse.toString(), "2", "2");

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
            assertThat(beside.map(path -> path.getFileName().toString()).toList()).containsExactlyInAnyOrder("forms", "warehouse");
        }
    }

    private static String run(String... arguments) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            IngestBenchmark.main(arguments);
        }
        finally {
            System.setOut(standardOut);
        }
        return printed.toString(UTF_8);
    }
}
