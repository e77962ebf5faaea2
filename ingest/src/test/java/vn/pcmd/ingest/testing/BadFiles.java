package vn.pcmd.ingest.testing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes the bad files people send instead of a form: broken and hostile zips, XML with entities, encrypted and
 * legacy workbooks, sheets far too large. Each starts, where it can, from a good workbook, so that what is wrong with
 * it is the one thing the test names. Random bytes come from fixed seeds: a failure reproduces.
 */
public final class BadFiles {
    /** Parts of a workbook as POI writes them: the first sheet, the shared strings, the workbook. */
    public static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    public static final String WORKBOOK = "xl/workbook.xml";

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final short UTF8_NAMES = 0x0800;
    private static final short DEFLATED = 8;
    private static final short JANUARY_1980 = 0x21;

    /** What a zip bomb's central directory says the inflated size is. */
    public enum DeclaredSize {
        /** The true size, as any zip tool writes it. */
        TRUE,
        /** A small size, to get past readers that trust the directory. */
        UNDERSTATED
    }

    private BadFiles() {}

    public static Path bytes(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        return file;
    }

    public static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The first half of a good workbook, as an interrupted upload or a full disk leaves it. */
    public static Path truncated(Path good, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        return bytes(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** The zip magic "PK\3\4" followed by noise: a zip by its first bytes only. */
    public static Path noiseAfterZipMagic(Path file) throws IOException {
        byte[] bytes = new byte[16 * 1024];
        new Random(4).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes(file, bytes);
    }

    /** A good workbook whose central directory is overwritten with noise, the end record left as it was. */
    public static Path corruptCentralDirectory(Path good, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int end = endOfCentralDirectory(buffer);
        int start = buffer.getInt(end + 16);
        byte[] noise = new byte[end - start];
        new Random(2).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, start, noise.length);
        return bytes(file, bytes);
    }

    /**
     * A good workbook whose part's compressed data starts with a block of a type deflate does not have, the
     * central directory intact: the zip opens, the part does not inflate.
     */
    public static Path corruptPartData(Path good, Path file, String part) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int localHeader = buffer.getInt(centralHeader(buffer, part) + 42);
        int data = localHeader + 30 + Short.toUnsignedInt(buffer.getShort(localHeader + 26)) + Short.toUnsignedInt(buffer.getShort(localHeader + 28));
        // BFINAL = 1, BTYPE = 11: reserved, "invalid block type"
        bytes[data] = (byte) 0xFF;
        return bytes(file, bytes);
    }

    /**
     * A good workbook whose part is replaced by a zip bomb: a worksheet that is valid XML, {@code inflatedBytes} of
     * blanks between its tags. Gigabytes cost little to write: blanks are deflated one mebibyte at a time with a full
     * flush, which makes every mebibyte's compressed block the same, so the block is deflated once and repeated.
     */
    public static Path zipBomb(Path good, Path file, String part, long inflatedBytes, DeclaredSize declared) throws IOException {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        long repeats = Math.max(1, inflatedBytes / blanks.length);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] deflatedHead = flushed(deflater, head);
        byte[] deflatedBlanks = flushed(deflater, blanks);
        if (!Arrays.equals(deflatedBlanks, flushed(deflater, blanks))) {
            throw new IllegalStateException("A full flush did not make the deflated blocks repeat");
        }
        byte[] deflatedTail = finished(deflater, tail);
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(head);
        for (long index = 0; index < repeats; index++) {
            crc.update(blanks);
        }
        crc.update(tail);
        long size = head.length + repeats * blanks.length + tail.length;
        long compressedSize = deflatedHead.length + repeats * deflatedBlanks.length + deflatedTail.length;
        RawEntry bomb = new RawEntry(part, crc.getValue(), declared == DeclaredSize.TRUE ? size : 4_096, compressedSize, output -> {
            output.write(deflatedHead);
            for (long index = 0; index < repeats; index++) {
                output.write(deflatedBlanks);
            }
            output.write(deflatedTail);
        });
        List<RawEntry> entries = new ArrayList<>();
        try (ZipFile source = new ZipFile(good.toFile())) {
            for (ZipEntry entry : source.stream().toList()) {
                if (entry.getName().equals(part)) {
                    entries.add(bomb);
                    continue;
                }
                byte[] content;
                try (InputStream input = source.getInputStream(entry)) {
                    content = input.readAllBytes();
                }
                CRC32 entryCrc = new CRC32();
                entryCrc.update(content);
                Deflater entryDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                byte[] deflated = finished(entryDeflater, content);
                entryDeflater.end();
                entries.add(new RawEntry(entry.getName(), entryCrc.getValue(), content.length, deflated.length, output -> output.write(deflated)));
            }
        }
        writeZip(file, entries);
        return file;
    }

    /** Copies a workbook part by part, replacing the parts named in {@code parts} with their new text; parts not in the workbook are added. */
    public static Path rewritten(Path good, Path file, Map<String, String> parts) throws IOException {
        return rewrite(good, file, parts, Set.of());
    }

    /** Copies a workbook without one of its parts. */
    public static Path withoutPart(Path good, Path file, String part) throws IOException {
        return rewrite(good, file, Map.of(), Set.of(part));
    }

    /** A part of a workbook as text. */
    public static String part(Path workbook, String name) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile()); InputStream input = zip.getInputStream(requirePart(zip, name))) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Puts {@code <!DOCTYPE declaration>} right after the XML declaration of a part's text. */
    public static String withDoctype(String xml, String declaration) {
        int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, afterDeclaration) + "\n<!DOCTYPE " + declaration + ">" + xml.substring(afterDeclaration);
    }

    /** A zip of the given text parts, in order: a package that is something other than a workbook. */
    public static Path zip(Path file, Map<String, String> parts) throws IOException {
        try (ZipOutputStream output = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                output.putNextEntry(new ZipEntry(part.getKey()));
                output.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                output.closeEntry();
            }
        }
        return file;
    }

    /** A good workbook with {@code extra} more parts, each tiny. */
    public static Path withExtraParts(Path good, Path file, int extra) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int index = 0; index < extra; index++) {
            parts.put("customXml/item" + index + ".xml", "<a/>");
        }
        return rewritten(good, file, parts);
    }

    /** A good workbook encrypted with a password as Excel does it: an OLE2 container holding EncryptionInfo. */
    public static Path passwordProtected(Path good, Path file, String password) throws IOException {
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(container)) {
                Files.copy(good, data);
            }
            catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            try (OutputStream output = Files.newOutputStream(file)) {
                container.writeFilesystem(output);
            }
        }
        return file;
    }

    /** A workbook in the Excel 97–2003 format (.xls) holding the start of a form, saved under a .xlsx name. */
    public static Path legacyXls(Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Biểu IIA");
            sheet.createRow(0).createCell(0).setCellValue("Phụ lục IIA");
            Row header = sheet.createRow(3);
            header.createCell(0).setCellValue("Nội dung");
            for (int year = 2021; year <= 2025; year++) {
                header.createCell(2 + year - 2021).setCellValue("Năm " + year);
            }
            save(workbook, file);
        }
        return file;
    }

    /** A workbook with one sheet of these rows of text: data of some other kind, or none at all. */
    public static Path sheetOfText(Path file, String sheetName, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int rowIndex = 0; rowIndex < rows.size(); rowIndex++) {
                Row row = sheet.createRow(rowIndex);
                List<String> cells = rows.get(rowIndex);
                for (int column = 0; column < cells.size(); column++) {
                    if (cells.get(column) != null) {
                        row.createCell(column).setCellValue(cells.get(column));
                    }
                }
            }
            save(workbook, file);
        }
        return file;
    }

    /** A sheet of {@code rows} rows of figures, streamed to disk by POI so that writing it stays quick. */
    public static Path hugeSheet(Path file, String sheetName, int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int rowIndex = 0; rowIndex < rows; rowIndex++) {
                Row row = sheet.createRow(rowIndex);
                for (int column = 0; column < 7; column++) {
                    row.createCell(column).setCellValue(rowIndex + column);
                }
            }
            save(workbook, file);
        }
        return file;
    }

    /** A sheet whose first row has {@code columns} cells. */
    public static Path wideSheet(Path file, String sheetName, int columns) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet(sheetName).createRow(0);
            for (int column = 0; column < columns; column++) {
                row.createCell(column).setCellValue(column);
            }
            save(workbook, file);
        }
        return file;
    }

    /** Opens a workbook with POI, changes it, and saves it again, formulas left as the change wrote them. */
    public static Path edited(Path file, Consumer<XSSFWorkbook> change) throws IOException {
        byte[] original = Files.readAllBytes(file);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(original))) {
            change.accept(workbook);
            save(workbook, file);
        }
        return file;
    }

    private static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream output = Files.newOutputStream(file)) {
            workbook.write(output);
        }
    }

    private static Path rewrite(Path good, Path file, Map<String, String> parts, Set<String> removed) throws IOException {
        Map<String, String> added = new LinkedHashMap<>(parts);
        try (ZipFile source = new ZipFile(good.toFile()); ZipOutputStream output = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : source.stream().toList()) {
                String name = entry.getName();
                if (removed.contains(name)) {
                    continue;
                }
                String replacement = added.remove(name);
                output.putNextEntry(new ZipEntry(name));
                if (replacement != null) {
                    output.write(replacement.getBytes(StandardCharsets.UTF_8));
                }
                else {
                    try (InputStream input = source.getInputStream(entry)) {
                        input.transferTo(output);
                    }
                }
                output.closeEntry();
            }
            for (Map.Entry<String, String> part : added.entrySet()) {
                output.putNextEntry(new ZipEntry(part.getKey()));
                output.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                output.closeEntry();
            }
        }
        return file;
    }

    private static ZipEntry requirePart(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("No part " + name + " in " + zip.getName());
        }
        return entry;
    }

    /** Where a part's entry of the central directory starts. */
    private static int centralHeader(ByteBuffer buffer, String part) throws IOException {
        int end = endOfCentralDirectory(buffer);
        int position = buffer.getInt(end + 16);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        while (position < end && buffer.getInt(position) == CENTRAL_HEADER) {
            int nameLength = Short.toUnsignedInt(buffer.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(position + 32));
            if (Arrays.equals(buffer.array(), position + 46, position + 46 + nameLength, name, 0, name.length)) {
                return position;
            }
            position += 46 + nameLength + extraLength + commentLength;
        }
        throw new IOException("No part " + part + " in the central directory");
    }

    /** A zip entry already deflated, written as it is. */
    private record RawEntry(String name, long crc, long size, long compressedSize, Content content) {}

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream output) throws IOException;
    }

    /** Deflates input and flushes fully: the next input is deflated as if from the start. */
    private static byte[] flushed(Deflater deflater, byte[] input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(input);
        int count;
        do {
            count = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            output.write(buffer, 0, count);
        }
        while (count == buffer.length);
        return output.toByteArray();
    }

    /** Deflates the last input and ends the stream. */
    private static byte[] finished(Deflater deflater, byte[] input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(input);
        deflater.finish();
        while (!deflater.finished()) {
            output.write(buffer, 0, deflater.deflate(buffer));
        }
        return output.toByteArray();
    }

    /** Writes entries with their local headers, the central directory and its end record: sizes below 4 GiB, UTF-8 names. */
    private static void writeZip(Path file, List<RawEntry> entries) throws IOException {
        List<Long> offsets = new ArrayList<>();
        long position = 0;
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (RawEntry entry : entries) {
                offsets.add(position);
                byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer header = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(LOCAL_HEADER).putShort((short) 20).putShort(UTF8_NAMES).putShort(DEFLATED).putShort((short) 0).putShort(JANUARY_1980)
                        .putInt((int) entry.crc()).putInt((int) entry.compressedSize()).putInt((int) entry.size())
                        .putShort((short) name.length).putShort((short) 0).put(name);
                output.write(header.array());
                entry.content().writeTo(output);
                position += header.capacity() + entry.compressedSize();
            }
            long directoryStart = position;
            for (int index = 0; index < entries.size(); index++) {
                RawEntry entry = entries.get(index);
                byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer header = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(CENTRAL_HEADER).putShort((short) 20).putShort((short) 20).putShort(UTF8_NAMES).putShort(DEFLATED).putShort((short) 0)
                        .putShort(JANUARY_1980).putInt((int) entry.crc()).putInt((int) entry.compressedSize()).putInt((int) entry.size())
                        .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                        .putInt((int) (long) offsets.get(index)).put(name);
                output.write(header.array());
                position += header.capacity();
            }
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
                    .putInt((int) (position - directoryStart)).putInt((int) directoryStart).putShort((short) 0);
            output.write(end.array());
        }
    }

    private static int endOfCentralDirectory(ByteBuffer buffer) throws IOException {
        for (int position = buffer.capacity() - 22; position >= 0; position--) {
            if (buffer.getInt(position) == END_OF_CENTRAL_DIRECTORY) {
                return position;
            }
        }
        throw new IOException("Not a zip: no end of central directory");
    }
}
