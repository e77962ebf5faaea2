package vn.pcmd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestIngestCommand {
    private static final String HEADER = "unit_code,form,agency,indicator_code,year,value\n";

    @TempDir
    Path temp;

    @Test
    void allAcceptedExitsZeroAndSaysWhereTheBatchIs() throws IOException {
        Path good = Files.writeString(temp.resolve("good.csv"), HEADER + "26503,IIA,,iia_raids_public,2021,2\n26503,IIA,,iia_raids_public,2022,3\n");
        Path warehouse = temp.resolve("warehouse");

        CommandLineRun run = CommandLineRun.of("ingest", "--warehouse", warehouse.toString(), good.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Nhận / accepted: 1  Không đổi / unchanged: 0  Từ chối / rejected: 0")
                .contains("Số liệu đã ghi / facts written: 2").contains("Lô / batch 000001-");
        assertThat(warehouse.resolve("batches")).isDirectoryContaining(path -> path.getFileName().toString().startsWith("000001-"));

        CommandLineRun again = CommandLineRun.of("ingest", "--warehouse", warehouse.toString(), good.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Không đổi / unchanged: 1").contains("Kho không thay đổi / warehouse unchanged");
    }

    @Test
    void someRejectedExitsThreeAndTheReportHoldsEveryError() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("forms"));
        Files.writeString(folder.resolve("good.csv"), HEADER + "26503,IIA,,iia_raids_public,2021,2\n");
        Files.writeString(folder.resolve("bad.csv"), HEADER + "26503,IIA,,iia_raids_public,2021,-2\n26503,IIA,,iia_docs_issued,2030,1\n");
        Path report = temp.resolve("report.json");

        CommandLineRun run = CommandLineRun.of("ingest", "--warehouse", temp.resolve("warehouse").toString(), "--report", report.toString(), folder.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("✗ Bị từ chối / rejected: " + folder.resolve("bad.csv"))
                .contains("[bad.csv!F2] Giá trị âm (-2)")
                .contains("Negative value (-2)");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/summary/accepted").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/rejected").asInt()).isEqualTo(1);
        JsonNode bad = json.get("files").get(0);
        assertThat(bad.get("file").asText()).endsWith("bad.csv");
        assertThat(bad.get("status").asText()).isEqualTo("rejected");
        assertThat(bad.get("errors")).hasSize(2);
        assertThat(bad.get("errors").get(0).get("cell").asText()).isEqualTo("F2");
        assertThat(bad.get("errors").get(0).get("code").asText()).isEqualTo("VALUE_NEGATIVE");
        assertThat(bad.get("errors").get(1).get("message_en").asText()).isEqualTo("Year 2030 is not in period 2021-2025.");
    }

    @Test
    void aMissingPathIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("ingest", "--warehouse", temp.resolve("w").toString(), temp.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Không có tệp hoặc thư mục / No such file or folder: " + temp.resolve("nowhere"));
        assertThat(temp.resolve("w")).doesNotExist();
    }

    @Test
    void noPathAtAllIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("ingest");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'PATH'");
    }
}
