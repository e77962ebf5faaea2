package vn.pcmd.ingest.xlsx;

import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A minimal, defensive reader of .xlsx workbooks: the zip's central directory, {@code xl/workbook.xml}, the shared
 * strings and the worksheets' cells, nothing else. Every entry is inflated through a counter that stops zip bombs
 * and runaway sheets; the XML parser refuses DTDs, so no external entity is ever resolved.
 *
 * <p>Written for the forms: about 120 rows each, thousands of them in one run. Reading only what is needed keeps a
 * form's parse close to the cost of inflating and scanning its XML.
 */
public final class XlsxWorkbook implements AutoCloseable {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
    private static final XMLInputFactory2 XML = newXmlFactory();

    private final ZipFile zip;
    private final XlsxLimits limits;
    private final List<SheetEntry> sheets;
    private final List<String> sharedStrings;
    private long bytesInflated;

    private record SheetEntry(String name, boolean hidden, String path) {}

    private XlsxWorkbook(ZipFile zip, XlsxLimits limits) throws XlsxException, IOException {
        this.zip = zip;
        this.limits = limits;
        if (zip.size() > limits.maxEntries()) {
            throw new XlsxException("xlsx.tooManyEntries", zip.size(), limits.maxEntries());
        }
        ZipEntry workbook = zip.getEntry("xl/workbook.xml");
        if (workbook == null) {
            throw new XlsxException("xlsx.notWorkbook");
        }
        Map<String, String> relationships = readRelationships();
        this.sheets = readSheetList(workbook, relationships);
        if (sheets.isEmpty()) {
            throw new XlsxException("xlsx.noSheets");
        }
        ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
        this.sharedStrings = strings == null ? List.of() : readSharedStrings(strings);
    }

    /** Opens a workbook, telling apart the files that are no workbook at all from the ones that are broken. */
    public static XlsxWorkbook open(Path file, XlsxLimits limits) throws XlsxException, IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream input = Files.newInputStream(file)) {
            read = input.readNBytes(head, 0, head.length);
        }
        if (read == 0) {
            throw new XlsxException("xlsx.emptyFile");
        }
        if (read == 8 && Arrays.equals(head, OLE2_MAGIC)) {
            // Excel saves a password-protected .xlsx as an OLE2 container holding EncryptionInfo; otherwise it is an old .xls
            throw new XlsxException(isEncrypted(file) ? "xlsx.encrypted" : "xlsx.legacyXls");
        }
        if (read < 4 || !Arrays.equals(Arrays.copyOf(head, 4), ZIP_MAGIC)) {
            throw new XlsxException("xlsx.notZip");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        }
        catch (ZipException e) {
            throw new XlsxException("xlsx.corruptZip", e.getMessage());
        }
        try {
            return new XlsxWorkbook(zip, limits);
        }
        catch (XlsxException | IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static boolean isEncrypted(Path file) throws IOException {
        if (Files.size(file) > 64L << 20) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        outer:
        for (int start = 0; start <= bytes.length - ENCRYPTION_INFO.length; start++) {
            for (int index = 0; index < ENCRYPTION_INFO.length; index++) {
                if (bytes[start + index] != ENCRYPTION_INFO[index]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Sheet names in workbook order. */
    public List<String> sheetNames() {
        return sheets.stream().map(SheetEntry::name).toList();
    }

    public boolean isHidden(String sheetName) {
        return sheets.stream().anyMatch(sheet -> sheet.name().equals(sheetName) && sheet.hidden());
    }

    /** Reads every cell of a sheet; empty if the workbook has no sheet of that name. */
    public Optional<Sheet> sheet(String name) throws XlsxException, IOException {
        for (SheetEntry entry : sheets) {
            if (entry.name().equals(name)) {
                return Optional.of(readSheet(entry));
            }
        }
        return Optional.empty();
    }

    private Map<String, String> readRelationships() throws XlsxException, IOException {
        ZipEntry entry = zip.getEntry("xl/_rels/workbook.xml.rels");
        Map<String, String> targets = new HashMap<>();
        if (entry == null) {
            return targets;
        }
        try (InputStream input = inflate(entry)) {
            XMLStreamReader xml = parser(input, entry);
            while (next(xml, entry) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String target = xml.getAttributeValue(null, "Target");
                    String id = xml.getAttributeValue(null, "Id");
                    if (target != null && id != null) {
                        targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
                    }
                }
            }
        }
        return targets;
    }

    private List<SheetEntry> readSheetList(ZipEntry workbook, Map<String, String> relationships) throws XlsxException, IOException {
        List<SheetEntry> entries = new ArrayList<>();
        try (InputStream input = inflate(workbook)) {
            XMLStreamReader xml = parser(input, workbook);
            int position = 0;
            while (next(xml, workbook) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.getEventType() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("sheet")) {
                    continue;
                }
                position++;
                String name = xml.getAttributeValue(null, "name");
                String state = xml.getAttributeValue(null, "state");
                String relationship = null;
                for (int index = 0; index < xml.getAttributeCount(); index++) {
                    if (xml.getAttributeLocalName(index).equals("id") && !xml.getAttributeNamespace(index).isEmpty()) {
                        relationship = xml.getAttributeValue(index);
                    }
                }
                String path = relationship == null ? null : relationships.get(relationship);
                if (path == null) {
                    // no relationship part: fall back to the conventional name, as some generators do
                    path = "xl/worksheets/sheet" + position + ".xml";
                }
                entries.add(new SheetEntry(name == null ? "Sheet" + position : name, state != null && !state.equals("visible"), path));
            }
        }
        return entries;
    }

    private List<String> readSharedStrings(ZipEntry entry) throws XlsxException, IOException {
        List<String> strings = new ArrayList<>();
        try (InputStream input = inflate(entry)) {
            XMLStreamReader xml = parser(input, entry);
            // nearly every string is one text event: kept as it comes, a builder only for rich text in runs
            boolean inString = false;
            String text = null;
            StringBuilder runs = null;
            int phoneticDepth = 0;
            boolean inText = false;
            while (next(xml, entry) != XMLStreamConstants.END_DOCUMENT) {
                switch (xml.getEventType()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        switch (xml.getLocalName()) {
                            case "si" -> {
                                inString = true;
                                text = null;
                                runs = null;
                            }
                            case "rPh" -> phoneticDepth++;
                            case "t" -> inText = phoneticDepth == 0;
                            default -> { }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inText && inString) {
                            if (text == null) {
                                text = xml.getText();
                            }
                            else {
                                runs = runs == null ? new StringBuilder(text) : runs;
                                runs.append(xml.getText());
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        switch (xml.getLocalName()) {
                            case "si" -> {
                                strings.add(runs != null ? runs.toString() : text == null ? "" : text);
                                inString = false;
                            }
                            case "rPh" -> phoneticDepth--;
                            case "t" -> inText = false;
                            default -> { }
                        }
                    }
                    default -> { }
                }
            }
        }
        return strings;
    }

    private Sheet readSheet(SheetEntry entry) throws XlsxException, IOException {
        ZipEntry zipEntry = zip.getEntry(entry.path());
        if (zipEntry == null) {
            throw XlsxException.inSheet(entry.name(), "xlsx.missingSheetPart", entry.name());
        }
        Grid grid = new Grid();
        AttributeText attribute = new AttributeText();
        try (InputStream input = inflate(zipEntry)) {
            XMLStreamReader2 xml = parser(input, zipEntry);
            int rowNumber = 0;
            int columnNumber = -1;
            int cellRow = 0;
            int cellColumn = 0;
            CellType type = CellType.NUMBER;
            boolean formula = false;
            // the text of <v>, kept as a String: a value is nearly always one text event, so no builder is needed
            String value = null;
            // the index of a shared-string cell, read from the parser's characters without making a String of them
            int sharedIndex = -1;
            StringBuilder inline = null;
            boolean inInlineText = false;
            while (next(xml, zipEntry) != XMLStreamConstants.END_DOCUMENT) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            int r = xml.getAttributeIndex(null, "r");
                            rowNumber = r < 0 ? rowNumber + 1 : attribute.rowNumber(xml, r, zipEntry, entry.name());
                            columnNumber = -1;
                            if (rowNumber > limits.maxRows() || grid.rowCount() >= limits.maxRows()) {
                                throw XlsxException.atCell(entry.name(), CellReference.format(rowNumber, 0), "xlsx.tooManyRows", entry.name(), limits.maxRows());
                            }
                        }
                        case "c" -> {
                            int r = xml.getAttributeIndex(null, "r");
                            long address = r < 0 ? -1 : attribute.address(xml, r, zipEntry);
                            cellRow = address < 0 ? rowNumber : CellReference.row(address);
                            cellColumn = address < 0 ? columnNumber + 1 : CellReference.column(address);
                            columnNumber = cellColumn;
                            if (cellColumn >= limits.maxColumns()) {
                                throw XlsxException.atCell(entry.name(), CellReference.format(cellRow, cellColumn), "xlsx.tooManyColumns", entry.name(), limits.maxColumns());
                            }
                            if (cellRow > limits.maxRows()) {
                                throw XlsxException.atCell(entry.name(), CellReference.format(cellRow, cellColumn), "xlsx.tooManyRows", entry.name(), limits.maxRows());
                            }
                            int t = xml.getAttributeIndex(null, "t");
                            type = t < 0 ? CellType.NUMBER : attribute.cellType(xml, t, zipEntry);
                            formula = false;
                            value = null;
                            sharedIndex = -1;
                            inline = null;
                        }
                        case "f" -> formula = true;
                        case "v" -> {
                            value = "";
                            sharedIndex = -1;
                        }
                        case "is" -> inline = new StringBuilder();
                        case "t" -> inInlineText = inline != null;
                        default -> { }
                    }
                }
                else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                    if (inInlineText) {
                        inline.append(xml.getText());
                    }
                    else if (value != null) {
                        if (value.isEmpty() && sharedIndex < 0 && type == CellType.SHARED_STRING) {
                            sharedIndex = digits(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            if (sharedIndex >= 0) {
                                continue;
                            }
                        }
                        if (sharedIndex >= 0) {
                            // more text after the digits: read the whole value as text, as any other
                            value = Integer.toString(sharedIndex);
                            sharedIndex = -1;
                        }
                        value = value.isEmpty() ? xml.getText() : value + xml.getText();
                    }
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "t" -> inInlineText = false;
                        case "v" -> {
                            // keep the text; the cell's end decides what it means
                        }
                        case "c" -> {
                            CellValue cell;
                            try {
                                cell = cell(type, formula, value, sharedIndex, inline == null ? null : inline.toString());
                            }
                            catch (XlsxException e) {
                                throw XlsxException.atCell(entry.name(), CellReference.format(cellRow, cellColumn), e.reason(), e.arguments());
                            }
                            if (cell != null) {
                                grid.put(cellRow, cellColumn, cell);
                                if (grid.rowCount() > limits.maxRows()) {
                                    throw XlsxException.atCell(entry.name(), CellReference.format(cellRow, cellColumn), "xlsx.tooManyRows", entry.name(), limits.maxRows());
                                }
                            }
                            value = null;
                            sharedIndex = -1;
                            inline = null;
                        }
                        default -> { }
                    }
                }
            }
        }
        return new Sheet(entry.name(), entry.hidden(), grid.rows());
    }

    /**
     * The cells read so far, as arrays indexed by row and column: both are bounded by the limits, which are checked
     * before a cell is put here, and a sheet may list its rows and cells in any order.
     */
    private static final class Grid {
        private CellValue[][] rows = new CellValue[128][];
        private int rowCount;

        void put(int row, int column, CellValue cell) {
            if (row >= rows.length) {
                rows = Arrays.copyOf(rows, Math.max(row + 1, rows.length * 2));
            }
            CellValue[] cells = rows[row];
            if (cells == null) {
                cells = new CellValue[Math.max(column + 1, 16)];
                rows[row] = cells;
                rowCount++;
            }
            else if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
                rows[row] = cells;
            }
            cells[column] = cell;
        }

        /** Rows holding at least one cell. */
        int rowCount() {
            return rowCount;
        }

        List<Sheet.Row> rows() {
            List<Sheet.Row> list = new ArrayList<>(rowCount);
            for (int row = 0; row < rows.length; row++) {
                if (rows[row] != null) {
                    list.add(new Sheet.Row(row, rows[row]));
                }
            }
            return list;
        }
    }

    /** The value of a run of ASCII digits (at most nine), or -1 for anything else. */
    private static int digits(char[] characters, int start, int length) {
        if (length < 1 || length > 9) {
            return -1;
        }
        int number = 0;
        for (int index = start; index < start + length; index++) {
            char character = characters[index];
            if (character < '0' || character > '9') {
                return -1;
            }
            number = number * 10 + (character - '0');
        }
        return number;
    }

    private CellValue cell(CellType type, boolean formula, String value, int sharedIndex, String inline) throws XlsxException {
        if (inline != null) {
            return new CellValue(CellValue.Kind.STRING, inline, formula);
        }
        if (value == null) {
            // a styled empty cell, or a formula no spreadsheet has computed yet
            return formula ? new CellValue(CellValue.Kind.EMPTY, "", true) : null;
        }
        return switch (type) {
            case NUMBER -> new CellValue(CellValue.Kind.NUMBER, value.strip(), formula);
            case SHARED_STRING -> {
                int index = sharedIndex;
                try {
                    if (index < 0) {
                        index = Integer.parseInt(value.strip());
                    }
                }
                catch (NumberFormatException e) {
                    throw new XlsxException("xlsx.badSharedString", value);
                }
                if (index < 0 || index >= sharedStrings.size()) {
                    throw new XlsxException("xlsx.badSharedString", sharedIndex >= 0 ? Integer.toString(sharedIndex) : value);
                }
                yield new CellValue(CellValue.Kind.STRING, sharedStrings.get(index), formula);
            }
            case TEXT -> new CellValue(CellValue.Kind.STRING, value, formula);
            case BOOLEAN -> new CellValue(CellValue.Kind.BOOLEAN, value.strip(), formula);
            case ERROR -> new CellValue(CellValue.Kind.ERROR, value.strip(), formula);
        };
    }

    /** How a cell's {@code t} attribute says to read its value; a type Excel does not define is read as text. */
    private enum CellType {
        /** No {@code t}, or {@code n}. */
        NUMBER,
        /** {@code s}: the value is an index into the shared strings. */
        SHARED_STRING,
        /** {@code str} (a formula's text), {@code inlineStr}, {@code d} (an ISO date), or anything else. */
        TEXT,
        /** {@code b}. */
        BOOLEAN,
        /** {@code e}. */
        ERROR
    }

    /** Reads the attributes of a sheet's rows and cells from the parser's characters. One per sheet being read. */
    private static final class AttributeText {
        private final AttributeCharacters text = new AttributeCharacters();

        /** A cell's address, packed as {@link CellReference#parse(char[], int, int)} packs it; -1 if it is none. */
        long address(XMLStreamReader2 xml, int attribute, ZipEntry part) throws XlsxException, IOException {
            read(xml, attribute, part);
            return CellReference.parse(text.characters(), text.start(), text.end());
        }

        CellType cellType(XMLStreamReader2 xml, int attribute, ZipEntry part) throws XlsxException, IOException {
            read(xml, attribute, part);
            if (text.end() - text.start() != 1) {
                return CellType.TEXT;
            }
            return switch (text.characters()[text.start()]) {
                case 'n' -> CellType.NUMBER;
                case 's' -> CellType.SHARED_STRING;
                case 'b' -> CellType.BOOLEAN;
                case 'e' -> CellType.ERROR;
                default -> CellType.TEXT;
            };
        }

        int rowNumber(XMLStreamReader2 xml, int attribute, ZipEntry part, String sheet) throws XlsxException, IOException {
            read(xml, attribute, part);
            int row = digits(text.characters(), text.start(), text.end() - text.start());
            // anything but plain digits is read as text, which names it if it is no row number
            return row >= 1 ? row : parseRowNumber(xml.getAttributeValue(attribute), sheet);
        }

        private void read(XMLStreamReader2 xml, int attribute, ZipEntry part) throws XlsxException, IOException {
            try {
                text.read(xml, attribute);
            }
            catch (XMLStreamException e) {
                throw badXml(e, part);
            }
        }
    }

    private static int parseRowNumber(String text, String sheet) throws XlsxException {
        try {
            int row = Integer.parseInt(text.strip());
            if (row < 1) {
                throw XlsxException.inSheet(sheet, "xlsx.badRowNumber", sheet, text);
            }
            return row;
        }
        catch (NumberFormatException e) {
            throw XlsxException.inSheet(sheet, "xlsx.badRowNumber", sheet, text);
        }
    }

    private InputStream inflate(ZipEntry entry) throws XlsxException, IOException {
        // an honest bomb says what it inflates to: refuse it before inflating a byte
        long declared = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (declared > (1 << 20) && compressed > 0 && declared > compressed * limits.maxCompressionRatio()) {
            throw new XlsxException("xlsx.zipBomb", entry.getName(), (long) limits.maxCompressionRatio());
        }
        if (declared > limits.maxEntryBytes()) {
            throw new XlsxException("xlsx.tooLarge", entry.getName(), limits.maxEntryBytes() >> 20);
        }
        try {
            return new BoundedInputStream(zip.getInputStream(entry), entry);
        }
        catch (ZipException e) {
            throw new XlsxException("xlsx.corruptZip", e.getMessage());
        }
    }

    private static XMLStreamReader2 parser(InputStream input, ZipEntry part) throws XlsxException, IOException {
        try {
            return (XMLStreamReader2) XML.createXMLStreamReader(input);
        }
        catch (XMLStreamException e) {
            throw badXml(e, part);
        }
    }

    /** Advances the parser, refusing any DTD: Excel and LibreOffice never write one, and it is how XXE gets in. */
    private static int next(XMLStreamReader xml, ZipEntry part) throws XlsxException, IOException {
        try {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XlsxException("xlsx.doctype");
            }
            return event;
        }
        catch (XMLStreamException e) {
            throw badXml(e, part);
        }
    }

    /** A limit hit while parsing, or broken XML named by its part and place: the parser's own text is English and spans lines. */
    private static XlsxException badXml(XMLStreamException e, ZipEntry part) throws XlsxException, IOException {
        if (e.getNestedException() instanceof LimitExceededException limit) {
            throw limit.reason;
        }
        if (e.getCause() instanceof LimitExceededException limit) {
            throw limit.reason;
        }
        if (e.getNestedException() instanceof IOException io) {
            throw io;
        }
        Location location = e.getLocation();
        return new XlsxException("xlsx.badXml", part.getName(), location == null ? 1 : Math.max(1, location.getLineNumber()),
                location == null ? 1 : Math.max(1, location.getColumnNumber()));
    }

    /**
     * The XML parser the reader uses, as it configures it: Woodstox by name, not whichever StAX implementation the
     * classpath happens to offer first. The benchmark's floor scans with it too.
     */
    public static XMLInputFactory2 newXmlFactory() {
        XMLInputFactory2 factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Carries an {@link XlsxException} through {@link InputStream#read}, which may only throw IOException. */
    private static final class LimitExceededException extends IOException {
        private final XlsxException reason;

        LimitExceededException(XlsxException reason) {
            super(reason.reason());
            this.reason = reason;
        }
    }

    /** Counts inflated bytes of one entry and of the whole workbook, and stops at the limits. */
    private final class BoundedInputStream extends FilterInputStream {
        private final ZipEntry entry;
        private long read;

        BoundedInputStream(InputStream input, ZipEntry entry) {
            super(input);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count;
            try {
                count = super.read(buffer, offset, length);
            }
            catch (ZipException e) {
                throw new LimitExceededException(new XlsxException("xlsx.corruptZip", e.getMessage()));
            }
            catch (java.io.EOFException e) {
                throw new LimitExceededException(new XlsxException("xlsx.corruptZip", "unexpected end of entry " + entry.getName()));
            }
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(long bytes) throws LimitExceededException {
            read += bytes;
            bytesInflated += bytes;
            if (read > limits.maxEntryBytes() || bytesInflated > limits.maxTotalBytes()) {
                throw new LimitExceededException(new XlsxException("xlsx.tooLarge", entry.getName(), limits.maxEntryBytes() >> 20));
            }
            long compressed = entry.getCompressedSize();
            if (read > (1 << 20) && compressed > 0 && read > compressed * limits.maxCompressionRatio()) {
                throw new LimitExceededException(new XlsxException("xlsx.zipBomb", entry.getName(), (long) limits.maxCompressionRatio()));
            }
        }
    }
}
