package vn.pcmd.ingest.form;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Section;
import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.core.testing.TestingDataDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class TestFormTemplateWriter {
    private static final Catalog CATALOG = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
    private static final int YEARS = CATALOG.period().years().size();
    private static final int TOTAL = FormLayout.totalColumn(YEARS);
    private static final int CODE = FormLayout.codeColumn(YEARS);

    private final FormTemplateWriter writer = new FormTemplateWriter(CATALOG);

    @TempDir
    Path directory;

    @Test
    void communeTemplateFollowsTheLayout() throws IOException {
        Path file = directory.resolve("IIA_26734.xlsx");
        writer.writeTemplate(FormIdentity.unit("26734", "Phường Tân Định"), file);
        try (FormWorkbook workbook = FormWorkbook.open(file, YEARS)) {
            assertThat(workbook.workbook().getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.form().getSheetName()).isEqualTo("Phụ lục IIA");
            assertThat(List.of(workbook.text(1, 0), workbook.text(2, 0), workbook.text(3, 0)))
                    .containsExactly("Phụ lục IIA", "BIỂU TỔNG HỢP SỐ LIỆU", "TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM GIAI ĐOẠN 2021 - 2025");
            assertThat(workbook.text(4, 0)).isEqualTo("Đơn vị: Phường Tân Định");

            assertThat(workbook.text(6, 0)).isEqualTo("Nội dung");
            assertThat(workbook.text(6, 1)).isEqualTo("Đơn vị tính");
            assertThat(workbook.text(6, 2)).isEqualTo("Kết quả thực hiện");
            assertThat(List.of(workbook.text(7, 2), workbook.text(7, 3), workbook.text(7, 4), workbook.text(7, 5), workbook.text(7, 6)))
                    .containsExactly("Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025");
            assertThat(workbook.text(6, TOTAL)).isEqualTo("Tổng cộng");
            assertThat(workbook.text(6, CODE)).isEqualTo(FormLayout.CODE_COLUMN_HEADER);
            assertThat(workbook.form().getMergedRegions()).contains(
                    CellRangeAddress.valueOf("A6:A7"), CellRangeAddress.valueOf("B6:B7"), CellRangeAddress.valueOf("C6:G6"),
                    CellRangeAddress.valueOf("H6:H7"), CellRangeAddress.valueOf("A1:H1"));
            assertThat(workbook.form().isColumnHidden(CODE)).isTrue();
            assertThat(workbook.form().isColumnHidden(TOTAL)).isFalse();

            assertThat(workbook.workbook().isSheetHidden(1)).isTrue();
            assertThat(workbook.metadata()).containsExactly(
                    Map.entry("form", "IIA"), Map.entry("unit_code", "26734"), Map.entry("unit_name", "Phường Tân Định"),
                    Map.entry("period", "2021-2025"), Map.entry("layout_version", FormLayout.LAYOUT_VERSION));
        }
    }

    @Test
    void everyRowOfTheFormStandsInOrderWithItsUnitAndCode() throws IOException {
        Path file = directory.resolve("IIA.xlsx");
        writer.writeTemplate(FormIdentity.unit("26734", "Phường Tân Định"), file);
        try (FormWorkbook workbook = FormWorkbook.open(file, YEARS)) {
            List<String> codes = new ArrayList<>(workbook.rowsByCode().keySet());
            List<String> expected = new ArrayList<>();
            List<Indicator> indicators = CATALOG.indicators(Form.IIA);
            for (FormRow row : FormRows.of(CATALOG, Form.IIA, Optional.empty())) {
                expected.add(row.code());
            }
            assertThat(codes).isEqualTo(expected);
            assertThat(codes.stream().filter(code -> CATALOG.indicator(code).isPresent()).toList())
                    .isEqualTo(indicators.stream().map(Indicator::code).toList())
                    .hasSize(46);

            int row = workbook.rowsByCode().get("iia_violators_buyers");
            assertThat(workbook.text(row, 0)).isEqualTo("+ Số người mua dâm");
            assertThat(workbook.text(row, 1)).isEqualTo("Người");
            assertThat(workbook.text(row, TOTAL)).isEqualTo("=SUM(C" + row + ":G" + row + ")");
            for (int column = FormLayout.FIRST_YEAR_COLUMN; column < TOTAL; column++) {
                assertThat(workbook.figure(row, column)).isEmpty();
            }
            int docs = workbook.rowsByCode().get("iia_docs_issued");
            assertThat(docs).isEqualTo(FormLayout.FIRST_BODY_ROW + 1);
            assertThat(workbook.text(docs, 0)).isEqualTo("Ban hành các văn bản quy phạm pháp luật và văn bản chỉ đạo");

            int heading = workbook.rowsByCode().get("IIA.4");
            assertThat(workbook.text(heading, 0)).isEqualTo("4. Đấu tranh phòng, chống tội phạm liên quan đến mại dâm");
            assertThat(workbook.text(heading, 1)).isEmpty();
            assertThat(workbook.text(heading, TOTAL)).isEmpty();
            assertThat(workbook.workbook().getFontAt(workbook.cell(heading, 0).getCellStyle().getFontIndex()).getBold()).isTrue();

            for (Indicator indicator : indicators) {
                int indicatorRow = workbook.rowsByCode().get(indicator.code());
                assertThat(workbook.text(indicatorRow, 1)).as(indicator.code()).isEqualTo(indicator.unitVi());
                assertThat(workbook.text(indicatorRow, 0)).as(indicator.code())
                        .isEqualTo(indicator.marker().isEmpty() ? indicator.labelVi() : indicator.marker() + " " + indicator.labelVi());
                // a count of Có answers means nothing: yes/no rows have no Tổng cộng
                assertThat(workbook.text(indicatorRow, TOTAL).isEmpty()).as(indicator.code()).isEqualTo(indicator.valueType() == ValueType.YES_NO);
            }
        }
    }

    @Test
    void departmentTemplateHoldsSectionOneAndItsOwnSectionOnly() throws IOException {
        Path file = directory.resolve("IA_75_police.xlsx");
        writer.writeTemplate(FormIdentity.department("75", "Tỉnh Đồng Nai", "police"), file);
        try (FormWorkbook workbook = FormWorkbook.open(file, YEARS)) {
            assertThat(workbook.form().getSheetName()).isEqualTo("Phụ lục IA");
            assertThat(workbook.text(4, 0)).isEqualTo("Cơ quan: Công an tỉnh — Tỉnh Đồng Nai");
            List<String> codes = new ArrayList<>(workbook.rowsByCode().keySet());
            List<String> sections = codes.stream().filter(code -> CATALOG.section(code).isPresent()).toList();
            assertThat(sections).containsExactly("IA.I", "IA.I.1", "IA.I.2", "IA.I.3", "IA.II", "IA.II.1");
            List<String> indicators = codes.stream().filter(code -> CATALOG.indicator(code).isPresent()).toList();
            assertThat(indicators).isEqualTo(CATALOG.indicatorsForAgency("police").stream().map(Indicator::code).toList());
            assertThat(indicators).contains("ia_staff_fulltime", "ia_police_cases_prosecuted").doesNotContain("ia_culture_venues_total");
            assertThat(codes).hasSize(sections.size() + indicators.size());
            assertThat(workbook.metadata()).containsEntry("form", "IA").containsEntry("unit_code", "75").containsEntry("agency", "police")
                    .containsEntry("period", "2021-2025");
        }
    }

    @Test
    void headingsStandAboveTheirFirstRow() {
        List<FormRow> rows = FormRows.of(CATALOG, Form.IIA, Optional.empty());
        assertThat(rows).hasSize(46 + (int) CATALOG.sections().stream().filter(section -> section.form() == Form.IIA).count());
        for (int index = 0; index < rows.size(); index++) {
            FormRow row = rows.get(index);
            if (row.indicator().isPresent()) {
                String section = row.indicator().get().sectionCode();
                assertThat(rows.subList(0, index).stream().map(FormRow::code)).as(row.code()).contains(section);
            }
            else {
                Section section = row.section().orElseThrow();
                section.parentCode().ifPresent(parent -> assertThat(rows.subList(0, rows.indexOf(row)).stream().map(FormRow::code)).contains(parent));
            }
        }
    }

    @Test
    void filledFormHoldsNumbersTextsAndTheirSum() throws IOException {
        FormIdentity identity = FormIdentity.unit("26734", "Phường Tân Định").submittedOn(LocalDate.of(2025, 8, 2));
        FormValues values = new FormValues()
                .putNumber("iia_violators_total", 2021, 3)
                .put("iia_violators_total", 2022, FilledCell.text("1.234", 1234))
                .put("iia_violators_total", 2023, FilledCell.text("-", 0))
                .putNumber("iia_funding_total", 2021, 12.3)
                .putNumber("iia_funding_total", 2022, 4.5)
                .put("iia_integrated_hiv", 2025, FilledCell.text("Có", 1))
                .putNumber("iia_raids_public", 2021, 2)
                .overrideTotal("iia_raids_public", 9)
                .addRowAfter("iia_docs_issued", new FormValues.ExtraRow("Số người cai nghiện ma túy tại cộng đồng", "Người", Map.of(2021, FilledCell.number(4))));
        Path file = directory.resolve("filled.xlsx");
        writer.writeFilled(identity, values, file);
        try (FormWorkbook workbook = FormWorkbook.open(file, YEARS)) {
            Map<String, Integer> rows = workbook.rowsByCode();
            int violators = rows.get("iia_violators_total");
            assertThat(workbook.cell(violators, 2).getNumericCellValue()).isEqualTo(3);
            assertThat(workbook.cell(violators, 3).getStringCellValue()).isEqualTo("1.234");
            assertThat(workbook.cell(violators, 4).getStringCellValue()).isEqualTo("-");
            assertThat(workbook.cell(violators, 5)).satisfiesAnyOf(cell -> assertThat(cell).isNull(), cell -> assertThat(workbook.figure(violators, 5)).isEmpty());
            assertThat(workbook.cell(violators, TOTAL).getNumericCellValue()).isEqualTo(1237);
            assertThat(workbook.cell(rows.get("iia_funding_total"), TOTAL).getNumericCellValue()).isEqualTo(16.8);
            assertThat(workbook.text(rows.get("iia_integrated_hiv"), 6)).isEqualTo("Có");
            assertThat(workbook.text(rows.get("iia_integrated_hiv"), TOTAL)).isEmpty();
            assertThat(workbook.cell(rows.get("iia_raids_public"), TOTAL).getNumericCellValue()).isEqualTo(9);
            int extra = rows.get("iia_docs_issued") + 1;
            assertThat(rows).containsEntry("#" + extra, extra);
            assertThat(workbook.text(extra, 0)).isEqualTo("Số người cai nghiện ma túy tại cộng đồng");
            assertThat(workbook.figure(extra, 2)).contains(4.0);
            assertThat(workbook.metadata()).containsEntry("submitted_on", "2025-08-02");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry core = zip.getEntry("docProps/core.xml");
            assertThat(new String(zip.getInputStream(core).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-08-02T01:00:00Z</dcterms:created>");
        }
    }

    @Test
    void theSameFilledFormGivesTheSameBytes() throws IOException, InterruptedException {
        FormIdentity identity = FormIdentity.department("48", "Thành phố Đà Nẵng", "women").submittedOn(LocalDate.of(2025, 7, 20));
        FormValues values = new FormValues().putNumber("ia_women_sex_workers_supported", 2023, 17).putNumber("ia_women_loan_amount", 2023, 35.5);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        writer.writeFilled(identity, values, first);
        // fastexcel stamps the clock into the package: a moment later the bytes must not change
        Thread.sleep(5);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        writer.writeFilled(identity, values, second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        Path file = Files.write(directory.resolve("women.xlsx"), first.toByteArray());
        try (FormWorkbook workbook = FormWorkbook.open(file, YEARS)) {
            assertThat(workbook.figure(workbook.rowsByCode().get("ia_women_loan_amount"), 4)).contains(35.5);
        }
    }

    @Test
    void columnNamesGoPastZ() {
        assertThat(FormTemplateWriter.cellName(7, 2)).isEqualTo("C8");
        assertThat(FormTemplateWriter.columnName(25)).isEqualTo("Z");
        assertThat(FormTemplateWriter.columnName(26)).isEqualTo("AA");
    }
}
