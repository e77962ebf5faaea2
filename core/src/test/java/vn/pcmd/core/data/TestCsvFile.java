package vn.pcmd.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCsvFile {
    @Test
    void readsQuotedVietnameseWithLineNumbers(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("a.csv"), "code,label\nx,\"Sở Văn hóa, Thể thao\"\n\ny,Tư pháp\n", StandardCharsets.UTF_8);
        List<CsvRow> rows = CsvFile.read(file, List.of("code", "label"));
        assertThat(rows).extracting(row -> row.required("label")).containsExactly("Sở Văn hóa, Thể thao", "Tư pháp");
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L);
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("a.csv"), "code,labl\nx,y\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvFile.read(file, List.of("code", "label")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":1: the header lacks column(s) label; expected at least: code,label");
    }

    @Test
    void aRowWithTooManyFieldsIsReported(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("a.csv"), "code,label\nx,y\nz,Sở Văn hóa, Thể thao\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvFile.read(file, List.of("code", "label")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":3: the row has 3 fields but the header has 2; check the quoting and the number of commas");
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path temp) throws IOException {
        // "Huế" saved as Latin-1 by an old spreadsheet: 0xEA is not valid UTF-8 on its own
        Path file = Files.write(temp.resolve("a.csv"), "code,label\nx,Hu\u00ea\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvFile.read(file, List.of("code", "label")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": the file is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void decomposedVietnameseIsRejected(@TempDir Path temp) throws IOException {
        // "ở" as o + combining horn + combining hook: what some Windows tools write
        Path file = Files.writeString(temp.resolve("a.csv"), "code,label\nx,So\u031b\u0309\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvFile.read(file, List.of("code", "label")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":2: column 'label' is not in Unicode NFC; save the file as UTF-8 NFC");
    }

    @Test
    void aMissingFileIsReported(@TempDir Path temp) {
        Path file = temp.resolve("missing.csv");
        assertThatThrownBy(() -> CsvFile.read(file, List.of("code")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": the file does not exist; is the data folder complete?");
    }
}
