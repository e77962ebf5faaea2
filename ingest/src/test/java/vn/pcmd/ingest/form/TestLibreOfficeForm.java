package vn.pcmd.ingest.form;

import org.junit.jupiter.api.Test;
import vn.pcmd.ingest.Fact;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A form typed from the seed's appendix in LibreOffice Calc, ingested with --unit (see resources/forms/README.md). */
class TestLibreOfficeForm {
    @Test
    void everyFigureOfTheTypedFormIsReadFromItsCell() throws IOException, URISyntaxException {
        Path file = resource("phu-luc-iia-typed-in-libreoffice.xlsx");
        FormReader reader = new FormReader(TestingIngest.catalog(), TestingIngest.units(), XlsxLimits.DEFAULT);

        FileOutcome outcome = reader.read(file, "sha", new ReadOptions(Optional.of("26503"), Optional.empty()));

        assertThat(outcome.errors()).isEmpty();
        List<String> facts = outcome.submissions().get(0).facts().stream()
                .map(fact -> fact.indicatorCode() + "," + fact.year() + "," + plain(fact.value()))
                .sorted().toList();
        List<String> expected = Files.readAllLines(resource("phu-luc-iia-typed-in-libreoffice.expected.csv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> {
                    String[] parts = line.split(",");
                    return parts[0] + "," + parts[1] + "," + plain(Double.parseDouble(parts[2]));
                }).sorted().toList();
        assertThat(facts).hasSize(229).isEqualTo(expected);
        // LibreOffice's SUM skips numbers typed as text, so those rows' Tổng cộng disagree: warned, not rejected
        assertThat(outcome.issues()).extracting(Issue::code, issue -> issue.cell().orElseThrow())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(IssueCode.TOTAL_MISMATCH, "H12"),
                        org.assertj.core.groups.Tuple.tuple(IssueCode.TOTAL_MISMATCH, "H62"));
        Fact typedAsText = outcome.submissions().get(0).facts().stream()
                .filter(fact -> fact.indicatorCode().equals("iia_comm_participants") && fact.year() == 2021).findFirst().orElseThrow();
        assertThat(typedAsText.value()).isEqualTo(1234.0);
        assertThat(typedAsText.cell()).isEqualTo("C12");
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TestLibreOfficeForm.class.getResource("/forms/" + name).toURI());
    }
}
