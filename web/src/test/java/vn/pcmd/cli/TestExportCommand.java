package vn.pcmd.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TestExportCommand {
    /** A file name an office could send: as the {@code sheet} of its CSV figures it would run as a formula in Excel. */
    private static final String FORMULA_FILE = "=HYPERLINK(\"http-x\";\"bấm\").csv";

    @TempDir
    static Path shared;

    private static Path warehouse;

    @TempDir
    Path temp;

    @BeforeAll
    static void warehouse() throws IOException {
        warehouse = TestingWarehouse.ingest(shared, FORMULA_FILE, TestingWarehouse.NHON_TRACH);
        TestingWarehouse.runJobs(warehouse, "rollup");
    }

    @Test
    void csvIsUtf8WithABomAndTextThatWouldRunAsAFormulaIsNeutralised() throws IOException {
        Path out = temp.resolve("facts.csv");

        CommandLineRun run = export("--dataset", "facts", "--format", "csv", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Đã ghi 13 dòng / wrote 13 rows: " + out.toAbsolutePath() + System.lineSeparator());
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
        List<CSVRecord> records = csv(out);
        assertThat(records).hasSize(13);
        // the sheet of a CSV figure is its file name: written with a leading ', never as =HYPERLINK(...)
        assertThat(records).extracting(record -> record.get("sheet")).containsOnly("'" + FORMULA_FILE);
        // numbers stay numbers: 12,5 typed by the office is 12.5
        assertThat(records).filteredOn(record -> record.get("indicator_code").equals("iia_loan_amount")).extracting(record -> record.get("value"))
                .containsExactly("12.5");
        assertThat(records).filteredOn(record -> record.get("unit_code").equals("742")).extracting(record -> record.get("value")).containsExactly("99");
    }

    @Test
    void everyFormatReadsBackWithTheSameRows() throws IOException, SQLException {
        Path csv = temp.resolve("rollup.csv");
        Path xlsx = temp.resolve("rollup.xlsx");
        Path parquet = temp.resolve("rollup.parquet");

        assertThat(export("--dataset", "rollup", "--vintage", "2024", "--out", csv.toString()).exitCode()).isZero();
        assertThat(export("--dataset", "rollup", "--vintage", "2024", "--out", xlsx.toString()).exitCode()).isZero();
        CommandLineRun run = export("--dataset", "rollup", "--vintage", "2024", "--out", parquet.toString());
        assertThat(run.exitCode()).isZero();

        long expected = count("select count(*) from read_parquet('" + warehouse.resolve("marts/rollup/vintage=2024.parquet") + "')");
        assertThat(expected).isGreaterThan(10);
        assertThat(run.out()).startsWith("Đã ghi " + expected + " dòng");
        assertThat(csv(csv)).hasSize((int) expected);
        assertThat(count("select count(*) from read_parquet('" + parquet + "')")).isEqualTo(expected);
        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet sheet = workbook.getSheet("rollup");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Địa giới");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Mã đơn vị");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            int valueColumn = column(header, "Giá trị");
            int unitColumn = column(header, "Mã đơn vị");
            int indicatorColumn = column(header, "Mã chỉ tiêu");
            int yearColumn = column(header, "Năm");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(unitColumn).getStringCellValue().equals("742")
                        && row.getCell(indicatorColumn).getStringCellValue().equals("iia_violators_total") && row.getCell(yearColumn).getNumericCellValue() == 2021) {
                    assertThat(row.getCell(valueColumn).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(valueColumn).getNumericCellValue()).isEqualTo(7.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void unitKeepsItselfAndEverythingBelowLevelKeepsOneLevel() throws IOException {
        Path out = temp.resolve("742.csv");

        assertThat(export("--dataset", "rollup", "--vintage", "2024", "--unit", "742", "--out", out.toString()).exitCode()).isZero();
        assertThat(unitCodes(out, "unit_code")).containsExactly("26473", "26503", "742");

        assertThat(export("--dataset", "rollup", "--vintage", "2024", "--unit", "742", "--level", "commune", "--out", out.toString()).exitCode()).isZero();
        assertThat(unitCodes(out, "unit_code")).containsExactly("26473", "26503");

        // facts: the reporters whose figures land in the district, the district's own report included, not the province's departments
        assertThat(export("--dataset", "facts", "--vintage", "2024", "--unit", "742", "--out", out.toString()).exitCode()).isZero();
        assertThat(unitCodes(out, "unit_code")).containsExactly("26473", "26503", "742");
        assertThat(export("--dataset", "submissions", "--vintage", "2024", "--unit", "75", "--level", "province", "--out", out.toString()).exitCode()).isZero();
        assertThat(csv(out)).extracting(record -> record.get("agency")).containsExactlyInAnyOrder("police", "culture");
    }

    @Test
    void anUnknownDatasetIsAUsageErrorThatListsThem() {
        CommandLineRun run = export("--dataset", "trend", "--out", temp.resolve("x.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Không có bộ dữ liệu 'trend'; chọn một trong: facts, submissions, rollup")
                .contains("No dataset 'trend'; use one of: facts, submissions, rollup");
        assertThat(temp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void anUnknownUnitOrLevelOrFormatIsAUsageError() {
        CommandLineRun unit = export("--dataset", "rollup", "--unit", "742", "--out", temp.resolve("x.csv").toString());
        assertThat(unit.exitCode()).isEqualTo(2);
        assertThat(unit.err()).isEqualTo("Không có đơn vị mã '742' trong địa giới 2025; xem ./pcmd units --vintage 2025 --level province (VN là toàn quốc). "
                + "/ No unit '742' in vintage 2025; see ./pcmd units (VN is the nation)." + System.lineSeparator());

        CommandLineRun level = export("--dataset", "rollup", "--level", "district", "--out", temp.resolve("x.csv").toString());
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err()).contains("Level 'district' does not apply to dataset rollup; use: nation, province, commune.");

        CommandLineRun format = export("--dataset", "rollup", "--out", temp.resolve("x.txt").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("add --format csv, xlsx or parquet");

        CommandLineRun badFormat = export("--dataset", "rollup", "--format", "json", "--out", temp.resolve("x.json").toString());
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("Invalid value for option '--format'");

        assertThat(CommandLineRun.of("export", "--out", "x.csv").exitCode()).isEqualTo(2);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aMartNotComputedYetSaysToRunTheJobs() throws IOException {
        Path fresh = TestingWarehouse.ingest(temp.resolve("fresh"), "f.csv", "26503,IIA,,iia_violators_total,2021,3");

        CommandLineRun run = CommandLineRun.of("export", "--warehouse", fresh.toString(), "--dataset", "rollup", "--out", temp.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("hãy chạy ./pcmd jobs trước").contains("Mart 'rollup' of vintage 2025 is not computed yet; run ./pcmd jobs first.");
        // the warehouse's own tables need no job
        assertThat(CommandLineRun.of("export", "--warehouse", fresh.toString(), "--dataset", "facts", "--out", temp.resolve("f.parquet").toString()).out())
                .startsWith("Đã ghi 1 dòng");
    }

    private static CommandLineRun export(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "export";
        all[1] = "--warehouse";
        all[2] = warehouse.toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return CommandLineRun.of(all);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int bom = reader.read();
            assertThat(bom).isEqualTo(0xFEFF);
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
                return new ArrayList<>(parser.getRecords());
            }
        }
    }

    private static Set<String> unitCodes(Path file, String column) throws IOException {
        Set<String> codes = new TreeSet<>();
        csv(file).forEach(record -> codes.add(record.get(column)));
        return codes;
    }

    private static int column(Row header, String label) {
        for (int column = 0; column < header.getLastCellNum(); column++) {
            if (header.getCell(column).getStringCellValue().equals(label)) {
                return column;
            }
        }
        throw new AssertionError("No column " + label);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
