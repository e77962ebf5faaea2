package vn.pcmd.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCsvTableWriter {
    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        assertThat(CsvTableWriter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvTableWriter.neutralise("+84 912")).isEqualTo("'+84 912");
        assertThat(CsvTableWriter.neutralise("-2")).isEqualTo("'-2");
        assertThat(CsvTableWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTableWriter.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvTableWriter.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvTableWriter.neutralise("Phường Trảng Dài")).isEqualTo("Phường Trảng Dài");
        assertThat(CsvTableWriter.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CsvTableWriter.neutralise("")).isEmpty();
    }

    @Test
    void writesRfc4180WithABomNumbersAsNumbersAndTextNeutralised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(bytes)) {
            writer.header(List.of(ExportColumn.of("unit_name", ExportColumn.Kind.TEXT), ExportColumn.of("value", ExportColumn.Kind.NUMBER),
                    ExportColumn.of("yoy_abs", ExportColumn.Kind.NUMBER), ExportColumn.of("submitted_on", ExportColumn.Kind.DATE),
                    ExportColumn.of("partial_year", ExportColumn.Kind.BOOLEAN)));
            writer.row(new Object[] {"=HYPERLINK(\"x\", \"bấm\")", 12000000.0, -3.0, LocalDate.of(2025, 8, 30), true});
            writer.row(new Object[] {"Xã \"Mới\", Đồng Nai", 0.1 + 0.2, null, null, false});
            writer.row(new Object[] {"-", Double.NaN, 7L, null, null});
        }

        assertThat(bytes.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "unit_name,value,yoy_abs,submitted_on,partial_year\r\n"
                + "\"'=HYPERLINK(\"\"x\"\", \"\"bấm\"\")\",12000000,-3,2025-08-30,true\r\n"
                + "\"Xã \"\"Mới\"\", Đồng Nai\",0.30000000000000004,,,false\r\n"
                + "'-,,7,,\r\n");
    }
}
