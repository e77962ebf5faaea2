package vn.pcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class TestTemplateCommand {
    @TempDir
    Path directory;

    @Test
    void writesACommuneFormAndPrintsItsPath() throws IOException {
        Path file = directory.resolve("forms/IIA_26734.xlsx");
        CommandLineRun run = CommandLineRun.of("template", "--form", "IIA", "--unit", "26734", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(file.toString());
        assertThat(sharedStrings(file)).contains("Đơn vị: Phường Tân Định", "Năm 2025", "Tổng cộng", "iia_violators_buyers");
    }

    @Test
    void writesADepartmentFormForAProvince() throws IOException {
        Path file = directory.resolve("IA_75_health.xlsx");
        CommandLineRun run = CommandLineRun.of("template", "--form", "ia", "--unit", "75", "--agency", "health", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sharedStrings(file)).contains("Cơ quan: Trung tâm kiểm soát bệnh tật tỉnh, Sở Y tế — Tỉnh Đồng Nai", "health")
                .doesNotContain("1. Công an tỉnh");
    }

    /** The texts of a workbook, read with the JDK's XML parser (the writer escapes Vietnamese letters as character references). */
    private static List<String> sharedStrings(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("xl/sharedStrings.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList items = factory.newDocumentBuilder().parse(in).getElementsByTagName("si");
            List<String> texts = new ArrayList<>();
            for (int index = 0; index < items.getLength(); index++) {
                texts.add(items.item(index).getTextContent());
            }
            return texts;
        }
        catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e);
        }
    }

    @Test
    void anUnknownUnitIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IIA", "--unit", "99999", "--out", directory.resolve("x.xlsx").toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Không có đơn vị hành chính mã '99999' trong giai đoạn 2021–2025")
                .contains("No administrative unit '99999' in the 2021–2025 history");
        assertThat(directory.resolve("x.xlsx")).doesNotExist();
    }

    @Test
    void aDepartmentFormNeedsItsDepartment() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IA", "--unit", "75", "--out", directory.resolve("x.xlsx").toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Biểu IA cần --agency").contains("police, military, culture");
    }

    @Test
    void aDepartmentFormBelongsToAProvince() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IA", "--unit", "26734", "--agency", "police");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--unit phải là mã tỉnh, '26734' là Phường Tân Định");
    }

    @Test
    void anUnknownDepartmentIsNamed() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IA", "--unit", "75", "--agency", "army");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Không có sở, ngành 'army'").contains("No department 'army'");
    }

    @Test
    void aCommuneFormHasNoDepartment() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IIA", "--unit", "26734", "--agency", "police");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--agency chỉ dùng cho biểu IA");
    }

    @Test
    void anUnknownFormIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("template", "--form", "IIIA", "--unit", "75");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--form");
    }
}
