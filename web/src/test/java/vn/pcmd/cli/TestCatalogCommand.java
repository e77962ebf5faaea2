package vn.pcmd.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCatalogCommand {
    @Test
    void csvHasTheContractColumnsFirstAndEveryIndicator() throws IOException {
        CommandLineRun run = CommandLineRun.of("catalog", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        try (CSVParser parser = CSVParser.parse(new StringReader(run.out()), CSVFormat.RFC4180.builder().setHeader().get())) {
            assertThat(parser.getHeaderNames()).startsWith("code", "form", "agency", "label_vi", "unit_vi", "parent_code", "value_type", "aggregation");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(114);
            CSVRecord buyers = records.stream().filter(record -> record.get("code").equals("iia_violators_buyers")).findFirst().orElseThrow();
            assertThat(buyers.get("label_vi")).isEqualTo("Số người mua dâm");
            assertThat(buyers.get("unit_vi")).isEqualTo("Người");
            assertThat(buyers.get("parent_code")).isEqualTo("iia_violators_total");
            assertThat(buyers.get("aggregation")).isEqualTo("sum");
            CSVRecord hotspots = records.stream().filter(record -> record.get("code").equals("ia_police_hotspots")).findFirst().orElseThrow();
            assertThat(hotspots.get("agency")).isEqualTo("police");
            assertThat(hotspots.get("form")).isEqualTo("IA");
        }
    }

    @Test
    void tableCanBeLimitedToOneForm() {
        CommandLineRun run = CommandLineRun.of("catalog", "--form", "IIA");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("iia_integrated_hiv").contains("Có hoặc không").doesNotContain("ia_police_hotspots").contains("(46 dòng / rows)");
    }
}
