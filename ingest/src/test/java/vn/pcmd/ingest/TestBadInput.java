package vn.pcmd.ingest;

import com.sun.net.httpserver.HttpServer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.pcmd.core.Progress;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.ingest.testing.BadFiles;
import vn.pcmd.ingest.testing.OfficeForm;
import vn.pcmd.ingest.testing.TestingIngest;
import vn.pcmd.ingest.testing.WarehouseSnapshot;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad files people send instead of a form, each ingested alone into a warehouse that already holds a good form:
 * broken, hostile and oversized workbooks, files that are no form at all, and every error a form's cells can hold.
 * Each must be rejected whole with the one error that says what is wrong, in which file, sheet and cell, in
 * Vietnamese and English, and must leave every file of the warehouse byte for byte as it was.
 */
class TestBadInput {
    private static final String COMMUNE = "26503";
    private static final String PROVINCE = "75";
    /** Phường Nguyễn Trung Trực (Ba Đình, Hà Nội), abolished on 2024-12-31. */
    private static final String ABOLISHED_IN_2024 = "00010";
    private static final ReadOptions FOR_COMMUNE = new ReadOptions(Optional.of(COMMUNE), Optional.empty());
    private static final ReadOptions FOR_POLICE = new ReadOptions(Optional.of(PROVINCE), Optional.of("police"));
    private static final String IIA_SHEET = "Biểu IIA";
    private static final String IA_SHEET = "Biểu IA";
    private static final String CSV_HEADER = "unit_code,form,agency,indicator_code,year,value";
    private static final String RAIDS = "Số cuộc truy quét tại địa điểm công cộng";
    private static final String VENUES = "Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm (khách sạn, nhà nghỉ, nhà trọ, quán bar, vũ trường, karaoke...)";
    /** A bomb's inflated size: 1 GiB of blanks, about 1 MB deflated; inflating and parsing it all takes seconds. */
    private static final long BOMB_BYTES = 1L << 30;

    private static final Catalog CATALOG = TestingIngest.catalog();
    private static final Ingestor INGESTOR = new Ingestor(CATALOG, TestingIngest.units(), XlsxLimits.DEFAULT, 2, Clock.systemUTC());

    @TempDir
    static Path shared;
    private static Warehouse warehouse;
    private static Map<String, String> before;
    /** A good form, the starting point of the bad files that are broken copies of one. */
    private static Path good;

    @TempDir
    Path temp;

    /** What a bad file must give: one error, where it is and what it says. */
    record Expected(IssueCode code, Optional<String> sheet, Optional<String> cell, String messageVi, String messageEn) {
        static Expected of(Issue issue) {
            return new Expected(issue.code(), issue.sheet(), issue.cell(), issue.messageVi(), issue.messageEn());
        }
    }

    /** A bad file written, how it is sent, the errors it must give and texts that must appear in none of them. */
    record Sent(Path file, ReadOptions options, List<Expected> errors, List<String> secrets) {}

    @FunctionalInterface
    interface Writer {
        Sent write(Path folder) throws IOException;
    }

    /** One kind of bad file, reported by its name. */
    record BadFile(String name, Writer writer) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void aWarehouseThatAlreadyHoldsAForm() throws IOException {
        good = OfficeForm.of(CATALOG, Form.IIA).filled().save(shared.resolve("good.xlsx"));
        warehouse = new Warehouse(shared.resolve("warehouse"));
        IngestResult result = INGESTOR.ingest(warehouse, List.of(good), FOR_COMMUNE, Progress.NONE);
        assertThat(result.count(IngestResult.Status.ACCEPTED)).isEqualTo(1);
        before = WarehouseSnapshot.of(warehouse.root());
        assertThat(before.keySet()).anySatisfy(path -> assertThat(path).contains("/" + Warehouse.FACTS_DIRECTORY + "/form=").endsWith(".parquet"));
    }

    static Stream<BadFile> badFiles() {
        return Stream.of(containers(), hostile(), notForms(), formErrors(), cellErrors(), csvFiles()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRejectedWholeWithAClearErrorAndTheWarehouseUnchanged(BadFile kind) throws IOException {
        Sent sent = kind.writer().write(temp);
        byte[] sentBytes = Files.readAllBytes(sent.file());

        IngestResult result = INGESTOR.ingest(warehouse, List.of(sent.file()), sent.options(), Progress.NONE);

        // what ./pcmd ingest turns into exit code 3: a rejected file, no batch, no fact
        assertThat(result.count(IngestResult.Status.REJECTED)).as("%s: rejected", kind).isEqualTo(1);
        assertThat(result.batchId()).as("%s: no batch", kind).isEmpty();
        assertThat(result.factsWritten()).as("%s: no fact", kind).isZero();
        IngestResult.FileResult file = result.files().get(0);
        assertThat(file.status()).as("%s: status", kind).isEqualTo(IngestResult.Status.REJECTED);
        assertThat(file.submissions()).as("%s: submissions", kind).isEmpty();
        assertThat(file.file()).as("%s: file", kind).isEqualTo(sent.file().toString());
        assertThat(file.issues()).as("%s: every issue names the file", kind).allSatisfy(issue -> assertThat(issue.file()).isEqualTo(sent.file().toString()));
        assertThat(file.issues().stream().filter(Issue::isError).map(Expected::of).toList()).as("%s: errors", kind).containsExactlyElementsOf(sent.errors());
        for (Issue issue : file.issues()) {
            for (String secret : sent.secrets()) {
                assertThat(issue.messageVi() + issue.messageEn() + issue.sheet().orElse("") + issue.cell().orElse("")).as("%s: no secret leaked", kind).doesNotContain(secret);
            }
        }
        assertThat(WarehouseSnapshot.of(warehouse.root())).as("%s: the warehouse byte for byte as before", kind).isEqualTo(before);
        assertThat(Files.readAllBytes(sent.file())).as("%s: the file sent untouched", kind).isEqualTo(sentBytes);
    }

    @Test
    void theSuiteCoversAtLeast25KindsOfBadFileEachNamedOnce() {
        List<String> names = badFiles().map(BadFile::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates();
    }

    @Test
    void aZipBombThatDeclaresItsSizeIsRefusedWithoutInflatingAByte() throws IOException {
        Path bomb = BadFiles.zipBomb(good, temp.resolve("bom.xlsx"), BadFiles.FIRST_SHEET, BOMB_BYTES, BadFiles.DeclaredSize.TRUE);
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        // were a byte of it inflated, the reader would report the data as corrupt
        Path corrupt = BadFiles.corruptPartData(bomb, temp.resolve("bom-hong.xlsx"), BadFiles.FIRST_SHEET);

        IngestResult result = INGESTOR.ingest(warehouse, List.of(corrupt), FOR_COMMUNE, Progress.NONE);

        assertThat(result.files().get(0).issues()).extracting(Expected::of).containsExactly(zipBomb());
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }

    @Test
    void aZipBombThatUnderstatesItsSizeIsStoppedLongBeforeItIsInflated() throws IOException {
        Path bomb = BadFiles.zipBomb(good, temp.resolve("bom.xlsx"), BadFiles.FIRST_SHEET, BOMB_BYTES, BadFiles.DeclaredSize.UNDERSTATED);
        long started = System.nanoTime();

        IngestResult result = INGESTOR.ingest(warehouse, List.of(bomb), FOR_COMMUNE, Progress.NONE);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.count(IngestResult.Status.REJECTED)).isEqualTo(1);
        assertThat(result.files().get(0).issues()).extracting(Issue::messageEn)
                .containsExactly("Part \"xl/worksheets/sheet1.xml\" inflates to more than 64 MiB; not a valid form.");
        // inflating and parsing the whole gibibyte takes about eight seconds here; the reader stops at 64 MiB, a sixteenth
        assertThat(elapsed).isLessThan(Duration.ofMillis(3_500));
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }

    @Test
    void noEntityOrDtdIsFetchedFromTheNetwork() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
            String strings = BadFiles.part(good, BadFiles.SHARED_STRINGS);
            List<String> doctypes = List.of(
                    "sst SYSTEM \"" + base + "/dtd\"",
                    "sst [<!ENTITY % remote SYSTEM \"" + base + "/parameter\"> %remote;]",
                    "sst [<!ENTITY xxe SYSTEM \"" + base + "/general\">]");
            for (int index = 0; index < doctypes.size(); index++) {
                String hostile = BadFiles.withDoctype(strings, doctypes.get(index)).replaceFirst("<t([^>]*)>", "<t$1>&xxe;&leak;");
                Path file = BadFiles.rewritten(good, temp.resolve("mang-" + index + ".xlsx"), Map.of(BadFiles.SHARED_STRINGS, hostile));

                IngestResult result = INGESTOR.ingest(warehouse, List.of(file), FOR_COMMUNE, Progress.NONE);

                assertThat(result.files().get(0).issues()).extracting(Expected::of).as(doctypes.get(index)).containsExactly(doctype());
            }
        }
        finally {
            server.stop(0);
        }
        assertThat(requests).hasValue(0);
        assertThat(WarehouseSnapshot.of(warehouse.root())).isEqualTo(before);
    }

    @Test
    void badFilesSentWithAGoodOneInOneRunAreEachRejectedAndTheGoodOneIsWritten() throws IOException {
        List<Sent> bad = new ArrayList<>();
        for (BadFile kind : badFiles().toList()) {
            Sent sent = kind.writer().write(Files.createDirectories(temp.resolve("kind-" + bad.size())));
            // one run has one --unit: the kinds that need another are left out
            if (sent.options().equals(FOR_COMMUNE)) {
                bad.add(sent);
            }
        }
        List<Path> files = new ArrayList<>(bad.stream().map(Sent::file).toList());
        files.add(bad.size() / 2, good);
        Warehouse own = new Warehouse(temp.resolve("warehouse"));

        IngestResult result = INGESTOR.ingest(own, files, FOR_COMMUNE, Progress.NONE);

        assertThat(result.count(IngestResult.Status.REJECTED)).isEqualTo(bad.size()).isGreaterThanOrEqualTo(25);
        assertThat(result.count(IngestResult.Status.ACCEPTED)).isEqualTo(1);
        assertThat(result.files().get(bad.size() / 2).file()).isEqualTo(good.toString());
        assertThat(result.factsWritten()).isEqualTo(CATALOG.indicators(Form.IIA).size() * 5L);
        assertThat(own.batches()).singleElement().satisfies(batch -> assertThat(batch.submissions()).extracting(entry -> entry.sourceFile()).containsExactly(good.toString()));
        List<IngestResult.FileResult> rejected = new ArrayList<>(result.files());
        rejected.remove(bad.size() / 2);
        for (int index = 0; index < bad.size(); index++) {
            assertThat(rejected.get(index).issues().stream().filter(Issue::isError).map(Expected::of).toList()).as(rejected.get(index).file())
                    .containsExactlyElementsOf(bad.get(index).errors());
        }
    }

    @Test
    void aTotalThatDisagreesWithTheYearsIsOnlyAWarningAndTheFormIsWritten() throws IOException {
        Warehouse own = new Warehouse(temp.resolve("warehouse"));
        INGESTOR.ingest(own, List.of(good), FOR_COMMUNE, Progress.NONE);
        Map<String, String> ownBefore = WarehouseSnapshot.of(own.root());
        OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled().values("iia_raids_public", 1.0, 2.0, 3.0, 4.0, 5.0).total("iia_raids_public", 16.0);
        Path file = form.save(temp.resolve("tong-cong-sai.xlsx"));

        IngestResult result = INGESTOR.ingest(own, List.of(file), FOR_COMMUNE, Progress.NONE);

        assertThat(result.count(IngestResult.Status.ACCEPTED)).isEqualTo(1);
        assertThat(result.batchId()).isPresent();
        assertThat(result.files().get(0).issues()).extracting(Expected::of).containsExactly(new Expected(IssueCode.TOTAL_MISMATCH,
                Optional.of(IIA_SHEET), Optional.of("H" + form.rowOf("iia_raids_public")),
                "Cột Tổng cộng ghi 16 nhưng tổng các năm là 15 (chỉ tiêu \"" + RAIDS + "\").",
                "The Tổng cộng column says 16 but the years add up to 15 (\"" + RAIDS + "\")."));
        assertThat(WarehouseSnapshot.of(own.root())).isNotEqualTo(ownBefore);
    }

    private static List<BadFile> containers() {
        return List.of(
                kind("a 0-byte file", folder -> rejected(BadFiles.bytes(folder.resolve("rong.xlsx"), new byte[0]),
                        unreadable("Tệp rỗng (0 byte); hãy gửi lại tệp .xlsx đã lưu đầy đủ.", "The file is empty (0 bytes); send the saved .xlsx again."))),
                kind("a zip truncated in the middle", folder -> rejected(BadFiles.truncated(good, folder.resolve("cat-cut.xlsx")),
                        unreadable("Tệp .xlsx bị hỏng hoặc bị cắt cụt (zip END header not found); hãy lưu và gửi lại.",
                                "The .xlsx file is corrupt or truncated (zip END header not found); save it and send it again."))),
                kind("random bytes after the zip magic", folder -> rejected(BadFiles.noiseAfterZipMagic(folder.resolve("nhieu.xlsx")),
                        unreadable("Tệp .xlsx bị hỏng hoặc bị cắt cụt (zip END header not found); hãy lưu và gửi lại.",
                                "The .xlsx file is corrupt or truncated (zip END header not found); save it and send it again."))),
                kind("a corrupt central directory", folder -> rejected(BadFiles.corruptCentralDirectory(good, folder.resolve("muc-luc-hong.xlsx")),
                        unreadable("Tệp .xlsx bị hỏng hoặc bị cắt cụt (invalid CEN header (bad signature)); hãy lưu và gửi lại.",
                                "The .xlsx file is corrupt or truncated (invalid CEN header (bad signature)); save it and send it again."))),
                kind("corrupt compressed data in a sheet", folder -> rejected(BadFiles.corruptPartData(good, folder.resolve("du-lieu-hong.xlsx"), BadFiles.FIRST_SHEET),
                        unreadable("Tệp .xlsx bị hỏng hoặc bị cắt cụt (invalid block type); hãy lưu và gửi lại.",
                                "The .xlsx file is corrupt or truncated (invalid block type); save it and send it again."))),
                kind("a zip bomb of 1 GiB declaring its size", folder -> rejected(
                        BadFiles.zipBomb(good, folder.resolve("bom-nen.xlsx"), BadFiles.FIRST_SHEET, BOMB_BYTES, BadFiles.DeclaredSize.TRUE), zipBomb())),
                kind("a zip bomb of 1 GiB understating its size", folder -> rejected(
                        BadFiles.zipBomb(good, folder.resolve("bom-nen-gia.xlsx"), BadFiles.FIRST_SHEET, BOMB_BYTES, BadFiles.DeclaredSize.UNDERSTATED),
                        unreadable("Thành phần \"xl/worksheets/sheet1.xml\" giải nén vượt 64 MiB; không phải biểu mẫu hợp lệ.",
                                "Part \"xl/worksheets/sheet1.xml\" inflates to more than 64 MiB; not a valid form."))),
                kind("a zip bomb of 200 MiB understating its size", folder -> rejected(
                        BadFiles.zipBomb(good, folder.resolve("bom-nen-nho.xlsx"), BadFiles.FIRST_SHEET, 200L << 20, BadFiles.DeclaredSize.UNDERSTATED), zipBomb())),
                kind("a zip of more than 1,000 parts", folder -> {
                    Path file = BadFiles.withExtraParts(good, folder.resolve("nhieu-phan.xlsx"), 1_000);
                    int parts;
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                        parts = zip.size();
                    }
                    return rejected(file, unreadable("Tệp chứa " + parts + " thành phần, vượt giới hạn 1000; không phải biểu mẫu hợp lệ.",
                            "The file holds " + parts + " parts, over the limit of 1000; not a valid form."));
                }),
                kind("a sheet declared whose part is missing", folder -> rejected(BadFiles.withoutPart(good, folder.resolve("thieu-trang.xlsx"), BadFiles.FIRST_SHEET),
                        new Expected(IssueCode.FILE_UNREADABLE, Optional.of(IIA_SHEET), Optional.empty(),
                                "Trang tính \"Biểu IIA\" được khai báo nhưng không có dữ liệu trong tệp; tệp bị hỏng.",
                                "Sheet \"Biểu IIA\" is declared but has no data in the file; the file is corrupt."))),
                kind("broken XML in a sheet", folder -> rejected(BadFiles.rewritten(good, folder.resolve("xml-hong.xlsx"), Map.of(BadFiles.FIRST_SHEET, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                        <row r="1"><c r="A1" t="s"><v>0</v></c></row>
                        <row r="2"><c r="A2"><v>1</v></row>
                        </sheetData></worksheet>
                        """)), unreadable("Nội dung XML của phần \"xl/worksheets/sheet1.xml\" bị hỏng (dòng 4, cột 34); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại.",
                        "The XML of part \"xl/worksheets/sheet1.xml\" is broken (line 4, column 34); open the file in Excel or LibreOffice and save it again."))),
                kind("a cell pointing at a shared string that does not exist", folder -> rejected(
                        BadFiles.rewritten(good, folder.resolve("chuoi-thieu.xlsx"), Map.of(BadFiles.SHARED_STRINGS,
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                                        + "<si><t>Phụ lục IIA</t></si></sst>")),
                        new Expected(IssueCode.FILE_UNREADABLE, Optional.of(IIA_SHEET), Optional.of("A2"),
                                "Ô tham chiếu chuỗi không tồn tại (1); tệp bị hỏng.", "A cell refers to a string that does not exist (1); the file is corrupt."))),
                kind("a sheet of 5,001 rows", folder -> rejected(BadFiles.hugeSheet(folder.resolve("qua-nhieu-dong.xlsx"), IIA_SHEET, 5_001),
                        new Expected(IssueCode.FILE_UNREADABLE, Optional.of(IIA_SHEET), Optional.of("A5001"),
                                "Trang tính \"Biểu IIA\" có hơn 5000 dòng; biểu mẫu chỉ có khoảng 120 dòng — hãy xóa phần thừa.",
                                "Sheet \"Biểu IIA\" has more than 5000 rows; the form has about 120 — delete the rest."))),
                kind("a row of 201 columns", folder -> rejected(BadFiles.wideSheet(folder.resolve("qua-nhieu-cot.xlsx"), IIA_SHEET, 201),
                        new Expected(IssueCode.FILE_UNREADABLE, Optional.of(IIA_SHEET), Optional.of("GS1"),
                                "Trang tính \"Biểu IIA\" có hơn 200 cột; hãy xóa phần thừa.", "Sheet \"Biểu IIA\" has more than 200 columns; delete the rest."))));
    }

    private static List<BadFile> hostile() {
        return List.of(
                kind("XXE: an external entity on /etc/passwd in the shared strings", folder -> {
                    String strings = BadFiles.part(good, BadFiles.SHARED_STRINGS);
                    String hostile = BadFiles.withDoctype(strings, "sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]").replaceFirst("<t([^>]*)>", "<t$1>&xxe;");
                    Path file = BadFiles.rewritten(good, folder.resolve("xxe.xlsx"), Map.of(BadFiles.SHARED_STRINGS, hostile));
                    return new Sent(file, FOR_COMMUNE, List.of(doctype()), linesOf(Path.of("/etc/passwd")));
                }),
                kind("XXE: an external entity on a local file in a sheet", folder -> {
                    Path secret = Files.writeString(folder.resolve("bi-mat.txt"), "PCMD-SECRET-7f3a9c");
                    String sheet = BadFiles.part(good, BadFiles.FIRST_SHEET);
                    String hostile = BadFiles.withDoctype(sheet, "worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]").replaceFirst("<v>", "<v>&xxe;");
                    Path file = BadFiles.rewritten(good, folder.resolve("xxe-trang.xlsx"), Map.of(BadFiles.FIRST_SHEET, hostile));
                    return new Sent(file, FOR_COMMUNE, List.of(doctype()), List.of("PCMD-SECRET-7f3a9c", secret.toString()));
                }),
                kind("billion laughs: nested internal entities", folder -> {
                    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
                    for (int level = 1; level <= 9; level++) {
                        entities.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
                    }
                    String sheet = BadFiles.part(good, BadFiles.FIRST_SHEET);
                    String hostile = BadFiles.withDoctype(sheet, "worksheet [" + entities + "]").replaceFirst("<v>", "<v>&lol9;");
                    return rejected(BadFiles.rewritten(good, folder.resolve("ty-tieng-cuoi.xlsx"), Map.of(BadFiles.FIRST_SHEET, hostile)), doctype());
                }),
                kind("a password-protected workbook", folder -> rejected(BadFiles.passwordProtected(good, folder.resolve("mat-khau.xlsx"), "matkhau123"),
                        unreadable("Tệp được đặt mật khẩu; hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi gửi lại.",
                                "The file is password-protected; remove the password and send it again."))),
                kind("an Excel 97-2003 .xls renamed .xlsx", folder -> rejected(BadFiles.legacyXls(folder.resolve("bieu-cu.xlsx")),
                        unreadable("Tệp ở định dạng Excel 97–2003 (.xls); hãy lưu lại dưới dạng .xlsx.", "The file is in the Excel 97–2003 format (.xls); save it as .xlsx."))));
    }

    private static List<BadFile> notForms() {
        Expected notAForm = new Expected(IssueCode.FILE_NOT_A_FORM, Optional.empty(), Optional.empty(),
                "Không tìm thấy biểu mẫu: không có dòng tiêu đề với các cột \"Năm 2021\" … \"Năm 2025\" ở trang tính nào.",
                "No form found: no sheet has a header row with the columns \"Năm 2021\" … \"Năm 2025\".");
        Expected notXlsx = new Expected(IssueCode.FILE_UNREADABLE, Optional.empty(), Optional.empty(),
                "Tệp không phải bảng tính Excel (.xlsx); hãy mở bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx.",
                "The file is not an Excel workbook (.xlsx); open it in Excel or LibreOffice and save it as .xlsx.");
        return List.of(
                kind("plain text renamed .xlsx", folder -> rejected(BadFiles.text(folder.resolve("ghi-chu.xlsx"), "Báo cáo số liệu năm 2021: xem tệp đính kèm.\n"), notXlsx)),
                kind("a PDF renamed .xlsx", folder -> rejected(BadFiles.text(folder.resolve("bao-cao.pdf.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), notXlsx)),
                kind("a .docx renamed .xlsx", folder -> rejected(BadFiles.zip(folder.resolve("van-ban.xlsx"), Map.of(
                        "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                        "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>")),
                        unreadable("Tệp nén không chứa sổ làm việc Excel (thiếu xl/workbook.xml); đây không phải tệp .xlsx.",
                                "The zip holds no Excel workbook (no xl/workbook.xml); this is not an .xlsx file."))),
                kind("a workbook with no sheet", folder -> {
                    String workbook = BadFiles.part(good, BadFiles.WORKBOOK).replaceAll("(?s)<sheets>.*</sheets>", "<sheets/>");
                    return rejected(BadFiles.rewritten(good, folder.resolve("khong-trang.xlsx"), Map.of(BadFiles.WORKBOOK, workbook)),
                            unreadable("Sổ làm việc không có trang tính nào.", "The workbook has no sheet."));
                }),
                kind("a workbook with one empty sheet", folder -> rejected(BadFiles.sheetOfText(folder.resolve("trang-trong.xlsx"), "Sheet1", List.of()), notAForm)),
                kind("a sheet of unrelated data", folder -> rejected(BadFiles.sheetOfText(folder.resolve("danh-sach.xlsx"), "Danh sách", List.of(
                        List.of("STT", "Họ và tên", "Năm sinh", "Địa chỉ"),
                        List.of("1", "Nguyễn Văn A", "1980", "Phước An"),
                        List.of("2", "Trần Thị B", "1985", "Phước An"))), notAForm)),
                kind("a form whose appendix cannot be told", folder -> rejected(BadFiles.sheetOfText(folder.resolve("bieu-la.xlsx"), "Báo cáo", List.of(
                        List.of("BÁO CÁO SỐ LIỆU"),
                        List.of(),
                        List.of("Nội dung", "Đơn vị tính", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025"),
                        List.of("Số vụ cháy nổ", "Vụ", "1", "2", "3", "4", "5"))),
                        fileError(IssueCode.FORM_UNKNOWN, "Không xác định được biểu mẫu (Phụ lục IA hay IIA); hãy dùng biểu mẫu do ./pcmd template tạo hoặc ghi rõ tên phụ lục ở đầu trang.",
                                "Cannot tell which form this is (Phụ lục IA or IIA); use a form made by ./pcmd template or name the appendix at the top."))));
    }

    private static List<BadFile> formErrors() {
        String agencies = CATALOG.agencies().stream().map(Agency::code).collect(Collectors.joining(", "));
        return List.of(
                kind("a missing year column", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).years(List.of(2021, 2022, 2024, 2025)).filled();
                    Path file = form.save(folder.resolve("thieu-nam.xlsx"));
                    return rejected(file, new Expected(IssueCode.YEAR_COLUMN_MISSING, Optional.of(IIA_SHEET), Optional.of("A5"),
                            "Thiếu cột \"Năm 2023\" ở dòng tiêu đề.", "The header lacks the column \"Năm 2023\"."));
                }),
                kind("an unknown unit (--unit 99999)", folder -> rejected(OfficeForm.of(CATALOG, Form.IIA).filled().save(folder.resolve("ma-sai.xlsx")),
                        new ReadOptions(Optional.of("99999"), Optional.empty()),
                        fileError(IssueCode.UNIT_UNKNOWN, "Không có đơn vị hành chính mã \"99999\".", "There is no administrative unit with code \"99999\"."))),
                kind("no unit at all", folder -> rejected(OfficeForm.of(CATALOG, Form.IIA).filled().save(folder.resolve("khong-don-vi.xlsx")), ReadOptions.NONE,
                        fileError(IssueCode.UNIT_MISSING, "Không xác định được đơn vị báo cáo; hãy dùng --unit MÃ hoặc ghi mã đơn vị ở đầu biểu.",
                                "Cannot tell which unit reports; pass --unit CODE or write the unit code at the top of the form."))),
                kind("a unit name shared by several communes", folder -> {
                    int communes = TestingIngest.units().codesNamed("Xã Tân Thành").size();
                    assertThat(communes).isGreaterThan(1);
                    return rejected(OfficeForm.of(CATALOG, Form.IIA).heading("Đơn vị báo cáo: Xã Tân Thành").filled().save(folder.resolve("trung-ten.xlsx")), ReadOptions.NONE,
                            fileError(IssueCode.UNIT_AMBIGUOUS, "Tên đơn vị \"Xã Tân Thành\" ứng với " + communes + " đơn vị; hãy dùng --unit MÃ.",
                                    "The unit name \"Xã Tân Thành\" matches " + communes + " units; pass --unit CODE."));
                }),
                kind("a form of another programme period", folder -> {
                    Path file = BadFiles.edited(OfficeForm.of(CATALOG, Form.IIA).filled().save(folder.resolve("giai-doan-cu.xlsx")), workbook -> {
                        XSSFSheet metadata = workbook.createSheet("_pcmd");
                        metadata.createRow(0).createCell(0).setCellValue("form");
                        metadata.getRow(0).createCell(1).setCellValue("IIA");
                        metadata.createRow(1).createCell(0).setCellValue("period");
                        metadata.getRow(1).createCell(1).setCellValue("2016-2020");
                    });
                    return rejected(file, fileError(IssueCode.PERIOD_MISMATCH, "Biểu mẫu thuộc giai đoạn 2016-2020, nhưng danh mục hiện hành là giai đoạn 2021-2025.",
                            "The form is for period 2016-2020, but the catalog in force is for 2021-2025."));
                }),
                kind("Phụ lục IA sent by a commune", folder -> rejected(
                        OfficeForm.of(CATALOG, Form.IA).values("ia_police_hotspots", 1.0, 1.0, 1.0, 1.0, 1.0).save(folder.resolve("ia-cua-xa.xlsx")),
                        new ReadOptions(Optional.of(COMMUNE), Optional.of("police")),
                        fileError(IssueCode.UNIT_WRONG_LEVEL, "Đơn vị 26503 là cấp xã, phường, thị trấn, đặc khu; Phụ lục IA phải do cấp tỉnh, thành phố gửi.",
                                "Unit 26503 is a xã, phường, thị trấn, đặc khu; Phụ lục IA is sent by a tỉnh, thành phố."))),
                kind("Phụ lục IA from an unknown department", folder -> rejected(
                        OfficeForm.of(CATALOG, Form.IA).values("ia_police_hotspots", 1.0, 1.0, 1.0, 1.0, 1.0).save(folder.resolve("ia-so-la.xlsx")),
                        new ReadOptions(Optional.of(PROVINCE), Optional.of("so-y-te")),
                        fileError(IssueCode.AGENCY_UNKNOWN, "Không có sở, ngành \"so-y-te\"; các mã hợp lệ: " + agencies + ".",
                                "There is no department \"so-y-te\"; valid codes: " + agencies + "."))),
                kind("Phụ lục IA naming no department", folder -> rejected(
                        OfficeForm.of(CATALOG, Form.IA).values("ia_staff_trained", 12.0, 15.0, 20.0, 18.0, 9.0).save(folder.resolve("ia-khong-so.xlsx")),
                        new ReadOptions(Optional.of(PROVINCE), Optional.empty()),
                        fileError(IssueCode.AGENCY_MISSING,
                                "Phụ lục IA phải ghi rõ sở, ngành gửi; hãy dùng --agency (" + agencies + ") hoặc ghi tên sở, ngành ở đầu biểu.",
                                "Phụ lục IA must name the sending department; pass --agency (" + agencies + ") or name the department at the top."))),
                kind("a form with no figures at all", folder -> rejected(OfficeForm.of(CATALOG, Form.IIA).save(folder.resolve("bieu-trong.xlsx")),
                        fileError(IssueCode.NO_FIGURES, "Biểu mẫu không có số liệu nào.", "The form holds no figures."))));
    }

    private static List<BadFile> cellErrors() {
        return List.of(
                cellError("a negative value", "so-am.xlsx", "iia_raids_public", 2021, form -> form.values("iia_raids_public", -1.0, 1.0, 1.0, 1.0, 1.0),
                        IssueCode.VALUE_NEGATIVE, "Giá trị âm (-1) ở chỉ tiêu \"" + RAIDS + "\", năm 2021; số liệu không được âm.",
                        "Negative value (-1) for \"" + RAIDS + "\", year 2021; figures cannot be negative."),
                cellError("a fraction in a count of people", "so-le.xlsx", "iia_violators_total", 2021, form -> form.values("iia_violators_total", 2.5, 3.0, 3.0, 3.0, 3.0),
                        IssueCode.VALUE_FRACTION, "Giá trị 2,5 có phần thập phân ở chỉ tiêu đếm \"Tổng số người vi phạm\" (Người), năm 2021; hãy nhập số nguyên.",
                        "Value 2.5 has a fraction in a count, \"Tổng số người vi phạm\" (Người), year 2021; enter a whole number."),
                cellError("text in a numeric cell", "chu-trong-o-so.xlsx", "iia_raids_public", 2022, form -> form.values("iia_raids_public", 1.0, "nhiều", 1.0, 1.0, 1.0),
                        IssueCode.VALUE_NOT_A_NUMBER, "Ô chứa \"nhiều\", không phải là số (chỉ tiêu \"" + RAIDS + "\", năm 2022).",
                        "The cell holds \"nhiều\", which is not a number (\"" + RAIDS + "\", year 2022)."),
                kind("TRUE in a numeric cell", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled();
                    Path file = BadFiles.edited(form.save(folder.resolve("dung-sai.xlsx")), workbook -> cell(workbook, form.cellOf("iia_raids_public", 2023)).setCellValue(true));
                    return rejected(file, cellAt(IssueCode.VALUE_NOT_A_NUMBER, form.cellOf("iia_raids_public", 2023),
                            "Ô chứa \"TRUE\", không phải là số (chỉ tiêu \"" + RAIDS + "\", năm 2023).", "The cell holds \"TRUE\", which is not a number (\"" + RAIDS + "\", year 2023)."));
                }),
                cellError("a yes/no cell holding something else", "co-khong.xlsx", "iia_integrated_drugs", 2023,
                        form -> form.values("iia_integrated_drugs", "Có", "Có", "chưa rõ", "Có", "Có"),
                        IssueCode.VALUE_NOT_YES_NO, "Ô chứa \"chưa rõ\"; chỉ tiêu \"Kế hoạch phòng, chống ma túy\" chỉ nhận \"Có\" hoặc \"Không\" (năm 2023).",
                        "The cell holds \"chưa rõ\"; \"Kế hoạch phòng, chống ma túy\" takes only \"Có\" or \"Không\" (year 2023)."),
                cellError("an \"of which\" row above its total", "vuot-tong.xlsx", "iia_sanctioned_buyers", 2024,
                        form -> form.values("iia_sanctioned_administrative", 4.0, 4.0, 4.0, 2.0, 4.0).values("iia_sanctioned_buyers", 1.0, 1.0, 1.0, 3.0, 1.0),
                        IssueCode.VALUE_ABOVE_TOTAL,
                        "Chỉ tiêu \"Số người mua dâm\" (3) lớn hơn tổng \"Số người bị xử lý vi phạm hành chính\" (2) năm 2024; số \"trong đó\" không được vượt tổng.",
                        "\"Số người mua dâm\" (3) is above its total \"Số người bị xử lý vi phạm hành chính\" (2) in 2024; an \"of which\" figure cannot exceed its total."),
                kind("an unknown row with figures", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled().extraRow("Số vụ cháy nổ", 1.0, 2.0, 3.0, 4.0, 5.0);
                    Path file = form.save(folder.resolve("dong-la.xlsx"));
                    return rejected(file, cellAt(IssueCode.ROW_UNKNOWN, "A" + form.rowOf("Số vụ cháy nổ"),
                            "Dòng \"Số vụ cháy nổ\" không có trong danh mục chỉ tiêu của Phụ lục IIA; hãy sửa nhãn cho đúng biểu mẫu hoặc xóa dòng.",
                            "Row \"Số vụ cháy nổ\" is not an indicator of Phụ lục IIA; correct the label to the form's or delete the row."));
                }),
                kind("a row typed twice", folder -> {
                    String again = "- " + RAIDS;
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled().extraRow(again, 1.0, 2.0, 3.0, 4.0, 5.0);
                    Path file = form.save(folder.resolve("dong-lap.xlsx"));
                    return rejected(file, new Expected(IssueCode.ROW_DUPLICATE, Optional.of(IIA_SHEET), Optional.of("A" + form.rowOf(again)),
                            "Chỉ tiêu \"" + RAIDS + "\" xuất hiện hai lần (dòng " + form.rowOf("iia_raids_public") + " và dòng " + form.rowOf(again) + ").",
                            "Indicator \"" + RAIDS + "\" appears twice (rows " + form.rowOf("iia_raids_public") + " and " + form.rowOf(again) + ")."));
                }),
                kind("a figure in a year outside the period", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).years(List.of(2021, 2022, 2023, 2024, 2025, 2026))
                            .values("iia_raids_public", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
                    Path file = form.save(folder.resolve("nam-2026.xlsx"));
                    return rejected(file, cellAt(IssueCode.VALUE_YEAR_OUT_OF_PERIOD, form.cellOf("iia_raids_public", 2026),
                            "Năm 2026 không thuộc giai đoạn 2021-2025.", "Year 2026 is not in period 2021-2025."));
                }),
                kind("a figure of a unit in a year it did not exist", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).values("iia_raids_public", 1.0, 1.0, 1.0, 1.0, 1.0);
                    Path file = form.save(folder.resolve("xa-da-giai-the.xlsx"));
                    return rejected(file, new ReadOptions(Optional.of(ABOLISHED_IN_2024), Optional.empty()), cellAt(IssueCode.VALUE_UNIT_DID_NOT_EXIST,
                            form.cellOf("iia_raids_public", 2025),
                            "Đơn vị 00010 Phường Nguyễn Trung Trực không tồn tại trong năm 2025 nhưng có số liệu ở ô này.",
                            "Unit 00010 Phường Nguyễn Trung Trực did not exist in 2025 but this cell holds a figure."));
                }),
                kind("Phụ lục IA with another department's rows filled", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IA)
                            .values("ia_police_hotspots", 3.0, 3.0, 2.0, 2.0, 1.0)
                            .values("ia_culture_venues_total", 300.0, 310.0, 320.0, 330.0, 330.0);
                    Path file = form.save(folder.resolve("ia-phan-so-khac.xlsx"));
                    return rejected(file, FOR_POLICE, new Expected(IssueCode.ROW_OTHER_AGENCY, Optional.of(IA_SHEET), Optional.of(form.cellOf("ia_culture_venues_total", 2021)),
                            "Dòng \"" + VENUES + "\" thuộc phần của Sở Văn hóa, Thể thao, nhưng biểu này của Công an tỉnh; mỗi sở, ngành chỉ điền phần của mình.",
                            "Row \"" + VENUES + "\" belongs to the section of Sở Văn hóa, Thể thao, but this form is from Công an tỉnh; each department fills only its own section."));
                }),
                kind("a formula error #DIV/0!", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled();
                    Path saved = form.save(folder.resolve("loi-cong-thuc.xlsx"));
                    String reference = form.cellOf("iia_raids_public", 2022);
                    Path file = BadFiles.edited(saved, workbook -> {
                        Cell cell = cell(workbook, reference);
                        cell.setCellFormula("1/0");
                        workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                    });
                    // as a spreadsheet saves it: the formula and its cached error
                    assertThat(BadFiles.part(file, BadFiles.FIRST_SHEET)).containsPattern("<c r=\"" + reference + "\" t=\"e\"[^>]*><f>1/0</f><v>#DIV/0!</v></c>");
                    return rejected(file, cellAt(IssueCode.VALUE_ERROR_CELL, reference,
                            "Ô có lỗi công thức #DIV/0! (chỉ tiêu \"" + RAIDS + "\", năm 2022).", "The cell holds the formula error #DIV/0! (\"" + RAIDS + "\", year 2022)."));
                }),
                kind("a formula never computed", folder -> {
                    OfficeForm form = OfficeForm.of(CATALOG, Form.IIA).filled();
                    Path saved = form.save(folder.resolve("cong-thuc-chua-tinh.xlsx"));
                    String reference = form.cellOf("iia_raids_public", 2022);
                    Path file = BadFiles.edited(saved, workbook -> {
                        Cell cell = cell(workbook, reference);
                        cell.setBlank();
                        cell.setCellFormula(form.cellOf("iia_raids_public", 2021) + "+1");
                    });
                    // as a library writes it: the formula without a value
                    assertThat(BadFiles.part(file, BadFiles.FIRST_SHEET)).containsPattern("<c r=\"" + reference + "\"[^>]*><f>" + form.cellOf("iia_raids_public", 2021) + "\\+1</f></c>");
                    return rejected(file, cellAt(IssueCode.VALUE_UNCOMPUTED_FORMULA, reference,
                            "Ô có công thức chưa được tính (chỉ tiêu \"" + RAIDS + "\", năm 2022); hãy mở tệp bằng Excel/LibreOffice và lưu lại.",
                            "The cell holds a formula never computed (\"" + RAIDS + "\", year 2022); open the file in Excel/LibreOffice and save it."));
                }));
    }

    private static List<BadFile> csvFiles() {
        String agencies = CATALOG.agencies().stream().map(Agency::code).collect(Collectors.joining(", "));
        return List.of(
                kind("a CSV with a wrong header", folder -> rejected(
                        BadFiles.text(folder.resolve("tieu-de-sai.csv"), "ma_don_vi,bieu,co_quan,ma_chi_tieu,nam,gia_tri\n26503,IIA,,iia_raids_public,2021,5\n"),
                        fileError(IssueCode.CSV_HEADER,
                                "Dòng tiêu đề CSV phải là \"" + CSV_HEADER + "\", nhưng là \"ma_don_vi,bieu,co_quan,ma_chi_tieu,nam,gia_tri\".",
                                "The CSV header must be \"" + CSV_HEADER + "\" but is \"ma_don_vi,bieu,co_quan,ma_chi_tieu,nam,gia_tri\"."))),
                kind("a CSV with a header and no line", folder -> rejected(BadFiles.text(folder.resolve("chi-tieu-de.csv"), CSV_HEADER + "\n"),
                        fileError(IssueCode.NO_FIGURES, "Biểu mẫu không có số liệu nào.", "The form holds no figures."))),
                kind("a CSV saved in a Windows code page, not UTF-8", folder -> {
                    Path file = BadFiles.bytes(folder.resolve("ma-windows.csv"),
                            (CSV_HEADER + "\n26503,IIA,,iia_raids_public,2021,5\n26503,IIA,,iia_integrated_drugs,2021,Có\n").getBytes(StandardCharsets.ISO_8859_1));
                    return rejected(file, csvCell(file, IssueCode.FILE_UNREADABLE, "F3",
                            "Tệp CSV không được lưu bằng mã UTF-8 (ký tự không đọc được ở dòng 3); hãy lưu lại dưới dạng \"CSV UTF-8\".",
                            "The CSV file is not saved as UTF-8 (an unreadable character on line 3); save it again as \"CSV UTF-8\"."));
                }),
                csvLine("a CSV line of five fields", "thieu-truong.csv", "26503,IIA,iia_raids_public,2021,5", IssueCode.CSV_HEADER, "A2",
                        "Dòng có 5 trường, nhưng mỗi dòng phải có đủ 6 trường theo tiêu đề \"" + CSV_HEADER + "\": \"26503,IIA,iia_raids_public,2021,5\".",
                        "The line has 5 fields, but every line needs the 6 fields of the header \"" + CSV_HEADER + "\": \"26503,IIA,iia_raids_public,2021,5\"."),
                csvLine("a CSV line of an unknown unit", "don-vi-la.csv", "99999,IIA,,iia_raids_public,2021,5", IssueCode.UNIT_UNKNOWN, "A2",
                        "Không có đơn vị hành chính mã \"99999\".", "There is no administrative unit with code \"99999\"."),
                csvLine("a CSV line of an unknown form", "bieu-la.csv", "26503,IIB,,iia_raids_public,2021,5", IssueCode.FORM_UNKNOWN, "B2",
                        "Cột form ghi \"IIB\"; chỉ nhận \"IA\" hoặc \"IIA\".", "The form column says \"IIB\"; it takes only \"IA\" or \"IIA\"."),
                csvLine("a CSV line of an unknown indicator", "chi-tieu-la.csv", "26503,IIA,,iia_khong_co,2021,5", IssueCode.ROW_UNKNOWN, "D2",
                        "Mã chỉ tiêu \"iia_khong_co\" không có trong danh mục của Phụ lục IIA; hãy dùng mã trong danh mục (./pcmd catalog --form IIA).",
                        "Indicator code \"iia_khong_co\" is not in the catalog of Phụ lục IIA; use a code from the catalog (./pcmd catalog --form IIA)."),
                csvLine("a CSV line of a year outside the period", "nam-ngoai.csv", "26503,IIA,,iia_raids_public,2026,5", IssueCode.VALUE_YEAR_OUT_OF_PERIOD, "E2",
                        "Năm 2026 không thuộc giai đoạn 2021-2025.", "Year 2026 is not in period 2021-2025."),
                csvLine("a CSV line of Phụ lục IA without its department", "ia-thieu-so.csv", "75,IA,,ia_police_hotspots,2021,5", IssueCode.AGENCY_MISSING, "C2",
                        "Dòng của Phụ lục IA phải ghi mã sở, ngành gửi ở cột agency (" + agencies + ").",
                        "A Phụ lục IA line must give the sending department's code in the agency column (" + agencies + ")."),
                csvLine("a CSV line of another department's indicator", "ia-chi-tieu-so-khac.csv", "75,IA,police,ia_culture_venues_total,2021,300",
                        IssueCode.ROW_OTHER_AGENCY, "D2",
                        "Dòng \"" + VENUES + "\" thuộc phần của Sở Văn hóa, Thể thao, nhưng biểu này của Công an tỉnh; mỗi sở, ngành chỉ điền phần của mình.",
                        "Row \"" + VENUES + "\" belongs to the section of Sở Văn hóa, Thể thao, but this form is from Công an tỉnh; each department fills only its own section."),
                csvLine("a CSV value that is not a number", "gia-tri-chu.csv", "26503,IIA,,iia_raids_public,2021,năm", IssueCode.VALUE_NOT_A_NUMBER, "F2",
                        "Ô chứa \"năm\", không phải là số (chỉ tiêu \"" + RAIDS + "\", năm 2021).", "The cell holds \"năm\", which is not a number (\"" + RAIDS + "\", year 2021)."),
                kind("a CSV line given twice", folder -> {
                    Path file = BadFiles.text(folder.resolve("dong-lap.csv"), CSV_HEADER + "\n26503,IIA,,iia_raids_public,2021,5\n26503,IIA,,iia_raids_public,2021,5\n");
                    return rejected(file, csvCell(file, IssueCode.ROW_DUPLICATE, "F3",
                            "Chỉ tiêu \"" + RAIDS + " (2021)\" xuất hiện hai lần (dòng 2 và dòng 3).", "Indicator \"" + RAIDS + " (2021)\" appears twice (rows 2 and 3)."));
                }));
    }

    private static BadFile kind(String name, Writer writer) {
        return new BadFile(name, writer);
    }

    /** A commune form, good but for one cell. */
    private static BadFile cellError(String name, String fileName, String code, int year, java.util.function.UnaryOperator<OfficeForm> mistake,
            IssueCode issue, String messageVi, String messageEn) {
        return kind(name, folder -> {
            OfficeForm form = mistake.apply(OfficeForm.of(CATALOG, Form.IIA).filled());
            Path file = form.save(folder.resolve(fileName));
            return rejected(file, cellAt(issue, form.cellOf(code, year), messageVi, messageEn));
        });
    }

    /** A long CSV whose only line after the header is bad. */
    private static BadFile csvLine(String name, String fileName, String line, IssueCode issue, String cell, String messageVi, String messageEn) {
        return kind(name, folder -> {
            Path file = BadFiles.text(folder.resolve(fileName), CSV_HEADER + "\n" + line + "\n");
            return rejected(file, csvCell(file, issue, cell, messageVi, messageEn));
        });
    }

    private static Sent rejected(Path file, Expected error) {
        return rejected(file, FOR_COMMUNE, error);
    }

    private static Sent rejected(Path file, ReadOptions options, Expected error) {
        return new Sent(file, options, List.of(error), List.of());
    }

    private static Expected unreadable(String messageVi, String messageEn) {
        return fileError(IssueCode.FILE_UNREADABLE, messageVi, messageEn);
    }

    private static Expected fileError(IssueCode code, String messageVi, String messageEn) {
        return new Expected(code, Optional.empty(), Optional.empty(), messageVi, messageEn);
    }

    /** An error at a cell of an office-typed commune form. */
    private static Expected cellAt(IssueCode code, String cell, String messageVi, String messageEn) {
        return new Expected(code, Optional.of(IIA_SHEET), Optional.of(cell), messageVi, messageEn);
    }

    /** A CSV names its cells as a spreadsheet shows the file: its name is the sheet's. */
    private static Expected csvCell(Path file, IssueCode code, String cell, String messageVi, String messageEn) {
        return new Expected(code, Optional.of(file.getFileName().toString()), Optional.of(cell), messageVi, messageEn);
    }

    private static Expected zipBomb() {
        return unreadable("Thành phần \"xl/worksheets/sheet1.xml\" có tỷ lệ nén bất thường (hơn 200 lần) — nghi là \"bom nén\"; tệp bị từ chối.",
                "Part \"xl/worksheets/sheet1.xml\" has an abnormal compression ratio (over 200x), a suspected zip bomb; the file is refused.");
    }

    private static Expected doctype() {
        return unreadable("Tệp chứa khai báo DOCTYPE/thực thể XML mà Excel không bao giờ ghi (nguy cơ XXE); tệp bị từ chối.",
                "The file holds an XML DOCTYPE/entity declaration, which Excel never writes (XXE risk); the file is refused.");
    }

    private static Cell cell(XSSFWorkbook workbook, String reference) {
        CellReference address = new CellReference(reference);
        Row row = workbook.getSheetAt(0).getRow(address.getRow());
        Cell cell = row.getCell(address.getCol());
        return cell != null ? cell : row.createCell(address.getCol());
    }

    /** The lines of a file worth looking for in a message: those that are not blank. */
    private static List<String> linesOf(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.strip().length() >= 4) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
