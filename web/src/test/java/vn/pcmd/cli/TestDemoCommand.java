package vn.pcmd.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestDemoCommand {
    @TempDir
    Path temp;

    @Test
    void runsTheChainOnASmallProvinceAndARerunReusesWhatIsThere() throws IOException {
        Path dir = temp.resolve("demo");

        CommandLineRun run = CommandLineRun.of("demo", "--dir", dir.toString(), "--warehouse", dir.resolve("warehouse").toString(), "--province", "48", "--no-serve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // Đà Nẵng (48) merged with Quảng Nam on 01/7/2025 and kept its code
        Path csv = dir.resolve("exports/rollup_48_2025.csv");
        Path report = dir.resolve("exports/IIA_48_2025.xlsx");
        assertThat(run.out())
                .contains("[1/4] Sinh biểu mẫu / generate forms: tỉnh / province 48, seed 7 → " + dir.resolve("forms"))
                .contains("[2/4] Nạp vào kho / ingest → " + dir.resolve("warehouse"))
                .contains("[3/4] Tác vụ phân tích / jobs: rollup")
                .contains("[4/4] Xuất dữ liệu / exports")
                .contains("Bảng phân tích / marts:       " + dir.resolve("warehouse/marts"))
                .contains("Số liệu tổng hợp / roll-up:   " + csv)
                .contains("Biểu tổng hợp / report:       " + report)
                .contains("./pcmd query --warehouse " + dir.resolve("warehouse") + " \"select year, value, reporting_units from rollup where vintage = '2025' and unit_code = '48'");
        assertThat(dir.resolve("warehouse/marts/rollup/vintage=2025.parquet")).isRegularFile();
        assertThat(TestExportCommand.csv(csv)).isNotEmpty().allSatisfy(record -> assertThat(record.get("vintage")).isEqualTo("2025"));
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Phụ lục IIA").getRow(3).getCell(0).getStringCellValue()).isEqualTo("Đơn vị: Thành phố Đà Nẵng");
        }

        CommandLineRun again = CommandLineRun.of("demo", "--dir", dir.toString(), "--warehouse", dir.resolve("warehouse").toString(), "--province", "48", "--no-serve");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("đã có, dùng lại / already there, reused").contains("nhận / accepted 0, không đổi / unchanged 73, từ chối / rejected 0");
    }

    @Test
    void theDemoServesTheSiteAndThePrintedAccountSignsIn() throws Exception {
        Path dir = temp.resolve("demo");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Thread demo = new Thread(() -> Main.run(new String[] {"demo", "--dir", dir.toString(), "--warehouse", dir.resolve("warehouse").toString(), "--province", "48",
                "--port", "0"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)), "demo");
        demo.start();
        try {
            java.util.regex.Pattern served = java.util.regex.Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/ +— đăng nhập / sign in: lanhdao / (\\S+)");
            java.util.regex.Matcher matcher = served.matcher("");
            for (int attempt = 0; attempt < 600 && !matcher.reset(out.toString()).find(); attempt++) {
                assertThat(demo.isAlive()).as(out + err.toString()).isTrue();
                Thread.sleep(200);
            }
            assertThat(matcher.reset(out.toString()).find()).as(out + err.toString()).isTrue();
            assertThat(out.toString()).contains("[5/5] Trang web / site");
            String origin = matcher.group(1);
            String password = matcher.group(2);

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String loginCookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
            assertThat(csrf.find()).isTrue();
            String form = "username=lanhdao&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            java.net.http.HttpResponse<String> signedIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", loginCookie)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String session = signedIn.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("pcmd_session=")).findFirst().orElseThrow().split(";")[0];
            java.net.http.HttpResponse<String> overview = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/units/48"))
                    .header("Cookie", session).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("Thành phố Đà Nẵng", "Chỉ tiêu chính");
        }
        finally {
            demo.interrupt();
            demo.join(30_000);
        }
        assertThat(demo.isAlive()).isFalse();
    }

    @Test
    void aProvinceThatDoesNotExistIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("demo", "--dir", temp.resolve("demo").toString(), "--warehouse", temp.resolve("demo/warehouse").toString(), "--province", "99");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Không có tỉnh mã '99'");
        assertThat(temp.resolve("demo")).doesNotExist();
    }

    @Test
    void refusesToMixItsFiguresIntoAWarehouseItDidNotMake() throws java.io.IOException {
        java.nio.file.Path real = temp.resolve("real-warehouse");
        java.nio.file.Files.createDirectories(real.resolve("batches/000001-20250101T000000Z"));

        CommandLineRun run = CommandLineRun.of("demo", "--dir", temp.resolve("demo").toString(), "--warehouse", real.toString(), "--province", "48", "--no-serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Warehouse " + real + " holds figures that are not the demo's; pass --warehouse OTHER_DIR.");
        assertThat(temp.resolve("demo")).doesNotExist();
    }
}
