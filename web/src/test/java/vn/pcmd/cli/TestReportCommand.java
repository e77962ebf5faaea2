package vn.pcmd.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The filled forms read back cell by cell, against figures of {@link TestingWarehouse#NHON_TRACH} rolled up by hand. */
class TestReportCommand {
    /** 0-based columns of seed 004's layout: Năm 2021 … Năm 2025, Tổng cộng, then the hidden catalog code. */
    private static final int FIRST_YEAR = 2;
    private static final int TOTAL = 7;
    private static final int CODE = 8;

    @TempDir
    static Path shared;

    private static Path warehouse;

    @TempDir
    Path temp;

    @BeforeAll
    static void warehouse() throws IOException {
        warehouse = TestingWarehouse.ingest(shared, "nhon-trach.csv", TestingWarehouse.NHON_TRACH);
        TestingWarehouse.runJobs(warehouse, "rollup");
    }

    @Test
    void aDistrictsFormHoldsWhatItsCommunesReportedAndEmptyWhereNothingWas() throws IOException {
        Path out = temp.resolve("IIA_742.xlsx");

        CommandLineRun run = report("--unit", "742", "--form", "IIA", "--vintage", "2024", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Đã lập Phụ lục IIA của Huyện Nhơn Trạch (địa giới 2024): 3 dòng, 6 ô có số liệu");
        Form form = Form.read(out, "Phụ lục IIA");
        assertThat(form.text(3, 0)).isEqualTo("Đơn vị: Huyện Nhơn Trạch");
        assertThat(form.text(4, 0)).isEqualTo("(Tổng hợp từ số liệu của các xã, phường, thị trấn, đặc khu trực thuộc; "
                + "theo địa giới hành chính trước sắp xếp (trước 01/7/2025); năm 2025 tính đến 30/6/2025)");
        assertThat(form.text(6, FIRST_YEAR)).isEqualTo("Năm 2021");
        assertThat(form.text(5, TOTAL)).isEqualTo("Tổng cộng");
        // 3 + 4, 5, 2, nothing, nothing: the district's own 99 is not added in
        assertThat(form.values("iia_violators_total")).containsExactly(7.0, 5.0, 2.0, null, null, 14.0);
        // yes/no: the number of communes answering Có, no Tổng cộng
        assertThat(form.values("iia_integrated_hiv")).containsExactly(1.0, 2.0, null, null, null, null);
        assertThat(form.values("iia_loan_amount")).containsExactly(12.5, null, null, null, null, 12.5);
        // not reported is empty, never 0
        assertThat(form.values("iia_docs_issued")).containsOnlyNulls();
        assertThat(form.rowAfter("iia_integrated_other")).startsWith("Ghi chú: ở các dòng “Có hoặc không” trên đây, mỗi năm ghi số đơn vị trả lời “Có”");
        assertThat(form.codes()).as("46 rows under 9 headings").hasSize(46 + 9);
    }

    @Test
    void aCommunesFormSaysCoOrKhong() throws IOException {
        Path out = temp.resolve("IIA_26473.xlsx");

        assertThat(report("--unit", "26473", "--form", "iia", "--vintage", "2024", "--out", out.toString()).exitCode()).isZero();

        Form form = Form.read(out, "Phụ lục IIA");
        assertThat(form.text(4, 0)).startsWith("(Số liệu của đơn vị; theo địa giới hành chính trước sắp xếp");
        assertThat(form.texts("iia_integrated_hiv")).containsExactly("Không", "Có", null, null, null);
        assertThat(form.values("iia_violators_total")).containsExactly(4.0, null, 2.0, null, null, 6.0);
        assertThat(form.rowAfter("iia_integrated_other")).isNull();
    }

    @Test
    void aProvincesDepartmentsFormHoldsEveryDepartmentOrOne() throws IOException {
        Path all = temp.resolve("IA_75.xlsx");
        Path police = temp.resolve("IA_75_police.xlsx");

        assertThat(report("--unit", "75", "--form", "IA", "--vintage", "2024", "--out", all.toString()).exitCode()).isZero();
        assertThat(report("--unit", "75", "--form", "IA", "--vintage", "2024", "--agency", "police", "--out", police.toString()).exitCode()).isZero();

        Form every = Form.read(all, "Phụ lục IA");
        assertThat(every.text(3, 0)).isEqualTo("Cơ quan: Các sở, ban, ngành — Tỉnh Đồng Nai");
        // section I is filled by every department: police 2 + culture 3
        assertThat(every.values("ia_docs_issued")).containsExactly(null, null, 5.0, null, null, 5.0);
        assertThat(every.values("ia_police_hotspots")).containsExactly(null, null, 5.0, null, null, 5.0);
        assertThat(every.codes()).contains("ia_culture_venues_total", "ia_health_hiv_services");

        Form one = Form.read(police, "Phụ lục IA");
        assertThat(one.text(3, 0)).isEqualTo("Cơ quan: Công an tỉnh — Tỉnh Đồng Nai");
        assertThat(one.values("ia_docs_issued")).containsExactly(null, null, 2.0, null, null, 2.0);
        assertThat(one.values("ia_police_hotspots")).containsExactly(null, null, 5.0, null, null, 5.0);
        assertThat(one.codes()).doesNotContain("ia_culture_venues_total");
    }

    @Test
    void theNationAndTheNewBoundariesAddUpTheSame() throws IOException {
        Path out = temp.resolve("IIA_VN.xlsx");

        assertThat(report("--unit", "VN", "--form", "IIA", "--out", out.toString()).exitCode()).isZero();

        Form form = Form.read(out, "Phụ lục IIA");
        assertThat(form.text(3, 0)).isEqualTo("Đơn vị: Toàn quốc");
        assertThat(form.text(4, 0)).contains("theo địa giới hành chính từ 01/7/2025");
        assertThat(form.values("iia_violators_total")).containsExactly(7.0, 5.0, 2.0, null, null, 14.0);
    }

    @Test
    void whatCannotBeReportedIsAUsageError() {
        CommandLineRun commune = report("--unit", "26473", "--form", "IA", "--vintage", "2024", "--out", temp.resolve("x.xlsx").toString());
        assertThat(commune.exitCode()).isEqualTo(2);
        assertThat(commune.err()).startsWith("Biểu IA là số liệu của các sở, ngành cấp tỉnh: --unit phải là mã tỉnh hoặc VN, '26473' (Xã Long Tân) là cấp xã.");

        CommandLineRun unknown = report("--unit", "742", "--form", "IIA", "--out", temp.resolve("x.xlsx").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No unit '742' in vintage 2025");

        CommandLineRun agency = report("--unit", "75", "--form", "IA", "--agency", "navy", "--out", temp.resolve("x.xlsx").toString());
        assertThat(agency.exitCode()).isEqualTo(2);
        assertThat(agency.err()).contains("No department 'navy'; use one of: police, military");

        CommandLineRun notXlsx = report("--unit", "75", "--form", "IIA", "--out", temp.resolve("x.pdf").toString());
        assertThat(notXlsx.exitCode()).isEqualTo(2);
        assertThat(notXlsx.err()).contains("give --out a .xlsx name");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void withoutTheRollupItSaysToRunTheJobs() throws IOException {
        Path fresh = TestingWarehouse.ingest(temp.resolve("fresh"), "f.csv", "26503,IIA,,iia_violators_total,2021,3");

        CommandLineRun run = CommandLineRun.of("report", "--warehouse", fresh.toString(), "--unit", "75", "--form", "IIA", "--out", temp.resolve("x.xlsx").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("run ./pcmd jobs first");
    }

    private static CommandLineRun report(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "report";
        all[1] = "--warehouse";
        all[2] = warehouse.toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return CommandLineRun.of(all);
    }

    /** A written form's sheet: its rows by the catalog code in the hidden column. */
    private record Form(XSSFSheet sheet, Map<String, Row> rows, List<String> codes) {
        static Form read(Path file, String sheetName) throws IOException {
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                XSSFSheet sheet = workbook.getSheet(sheetName);
                assertThat(sheet).as("sheet " + sheetName).isNotNull();
                Map<String, Row> rows = new HashMap<>();
                List<String> codes = new ArrayList<>();
                for (Row row : sheet) {
                    Cell code = row.getCell(CODE);
                    if (row.getRowNum() > 6 && code != null && code.getCellType() == CellType.STRING) {
                        rows.put(code.getStringCellValue(), row);
                        codes.add(code.getStringCellValue());
                    }
                }
                return new Form(sheet, rows, codes);
            }
        }

        String text(int row, int column) {
            return sheet.getRow(row).getCell(column).getStringCellValue();
        }

        /** The five years and Tổng cộng; null for an empty cell. */
        List<Double> values(String code) {
            Row row = rows.get(code);
            Double[] values = new Double[6];
            for (int index = 0; index < 6; index++) {
                Cell cell = row.getCell(FIRST_YEAR + index);
                values[index] = cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
            }
            return Arrays.asList(values);
        }

        List<String> texts(String code) {
            Row row = rows.get(code);
            String[] values = new String[5];
            for (int index = 0; index < 5; index++) {
                Cell cell = row.getCell(FIRST_YEAR + index);
                values[index] = cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getStringCellValue();
            }
            return Arrays.asList(values);
        }

        /** The label of the row just below {@code code}'s, if it is one the catalog does not know (a note). */
        String rowAfter(String code) {
            Row next = sheet.getRow(rows.get(code).getRowNum() + 1);
            Cell nextCode = next.getCell(CODE);
            return nextCode == null || nextCode.getCellType() == CellType.BLANK ? next.getCell(0).getStringCellValue() : null;
        }
    }
}
