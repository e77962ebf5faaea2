package vn.pcmd.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestXlsxTableWriter {
    @Test
    void rowsBeyondASheetContinueOnTheNextUnderTheSameHeader() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxTableWriter writer = new XlsxTableWriter(bytes, "rollup", 3)) {
            writer.header(List.of(ExportColumn.of("unit_code", ExportColumn.Kind.TEXT), ExportColumn.of("value", ExportColumn.Kind.NUMBER)));
            for (int row = 1; row <= 7; row++) {
                writer.row(new Object[] {"=u" + row, row * 1.5});
            }
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2))).containsExactly("rollup", "rollup (2)", "rollup (3)");
            int[] expectedRows = {3, 3, 1};
            int next = 1;
            for (int index = 0; index < 3; index++) {
                XSSFSheet sheet = workbook.getSheetAt(index);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã đơn vị");
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Giá trị");
                assertThat(sheet.getLastRowNum()).isEqualTo(expectedRows[index]);
                for (int row = 1; row <= expectedRows[index]; row++) {
                    // a string cell is never a formula, so it needs no guard
                    assertThat(sheet.getRow(row).getCell(0).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(sheet.getRow(row).getCell(0).getStringCellValue()).isEqualTo("=u" + next);
                    assertThat(sheet.getRow(row).getCell(1).getNumericCellValue()).isEqualTo(next * 1.5);
                    next++;
                }
            }
        }
    }

    @Test
    void numbersDatesAndTruthValuesKeepTheirType() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxTableWriter writer = new XlsxTableWriter(bytes, "submissions")) {
            writer.header(List.of(ExportColumn.of("fact_count", ExportColumn.Kind.NUMBER), ExportColumn.of("submitted_on", ExportColumn.Kind.DATE),
                    ExportColumn.of("partial_year", ExportColumn.Kind.BOOLEAN), ExportColumn.of("not_in_bundle", ExportColumn.Kind.TEXT)));
            writer.row(new Object[] {84, LocalDate.of(2025, 8, 26), true, null});
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("submissions");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("not_in_bundle");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(84);
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 8, 26));
            assertThat(sheet.getRow(1).getCell(2).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(1).getCell(3)).isNull();
        }
    }
}
