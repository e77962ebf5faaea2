package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestGenerateCommand {
    @TempDir
    Path directory;

    @Test
    void generatesAProvinceAndSummarises() throws IOException {
        Path out = directory.resolve("forms");
        CommandLineRun run = CommandLineRun.of("generate", "--out", out.toString(), "--scope", "province:48", "--years", "2024-2025", "--seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"), StandardCharsets.UTF_8);
        assertThat(manifest.get(0)).isEqualTo("file,form,unit_code,unit_level,agency,years,submitted_on,late,error_kind,expected_outcome");
        assertThat(manifest).anySatisfy(line -> assertThat(line).startsWith("48/IA_48_police.xlsx,IA,48,province,police,2024-2025,"));
        assertThat(out.resolve("expected_totals.csv")).exists();
        assertThat(run.out()).contains("Đã sinh " + (manifest.size() - 1) + " biểu vào " + out)
                .contains("IA sở, ngành (department): 11")
                .contains("Xã không báo cáo (communes not reporting)");
        // a second run into the same folder replaces the first
        CommandLineRun again = CommandLineRun.of("generate", "--out", out.toString(), "--scope", "province:48", "--years", "2024-2025", "--seed", "5");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("manifest.csv"), StandardCharsets.UTF_8)).isEqualTo(manifest);
    }

    @Test
    void aBadScopeIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("generate", "--out", directory.resolve("x").toString(), "--scope", "district:490");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Phạm vi 'district:490' không hợp lệ").contains("Invalid scope 'district:490'");
        assertThat(directory.resolve("x")).doesNotExist();
    }

    @Test
    void anUnknownProvinceIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("generate", "--out", directory.resolve("x").toString(), "--scope", "province:99");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Không có tỉnh mã '99'");
    }

    @Test
    void yearsOutsideThePeriodAreAUsageError() {
        CommandLineRun run = CommandLineRun.of("generate", "--out", directory.resolve("x").toString(), "--scope", "province:48", "--years", "2019-2025");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Năm '2019-2025' không hợp lệ").contains("within 2021-2025");
    }

    @Test
    void aFolderHoldingSomethingElseIsLeftAlone() throws IOException {
        Path out = Files.createDirectories(directory.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep");
        CommandLineRun run = CommandLineRun.of("generate", "--out", out.toString(), "--scope", "province:48");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("không trống và không do ./pcmd generate tạo ra");
        assertThat(out.resolve("notes.txt")).hasContent("keep");
    }
}
