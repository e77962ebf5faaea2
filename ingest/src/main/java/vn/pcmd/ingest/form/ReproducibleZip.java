package vn.pcmd.ingest.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Rewrites the .xlsx package fastexcel wrote so that the same content always gives the same bytes. fastexcel puts
 * the current time into docProps/core.xml and writes a sheet's merged ranges in hash order, which changes from run
 * to run; here the time is fixed and the ranges sorted. fastexcel is asked not to compress, so that each entry is
 * compressed once, here. Entries are found through the central directory: fastexcel's zip writer puts the sizes
 * after the data in 64-bit descriptors, which {@link java.util.zip.ZipInputStream} cannot read.
 */
final class ReproducibleZip {
    static final String CORE_PROPERTIES = "docProps/core.xml";
    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");
    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    private static final long MAX32 = 0xffffffffL;
    private static final String WORKSHEETS = "xl/worksheets/";
    private static final Pattern MERGE_CELL = Pattern.compile("<mergeCell [^>]*/>");

    private ReproducibleZip() {}

    private record Entry(String name, int method, long crc, long compressedSize, long size, byte[] data) {}

    static void rewrite(byte[] zip, Instant created, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (end >= 0 && buffer.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
            end--;
        }
        if (end < 0) {
            throw new IOException("Not a zip package: no end of central directory");
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        int position = (int) Integer.toUnsignedLong(buffer.getInt(end + 16));
        List<Entry> entries = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            if (buffer.getInt(position) != CENTRAL_HEADER) {
                throw new IOException("Broken central directory at byte " + position);
            }
            int method = Short.toUnsignedInt(buffer.getShort(position + 10));
            long crc = Integer.toUnsignedLong(buffer.getInt(position + 16));
            long compressedSize = Integer.toUnsignedLong(buffer.getInt(position + 20));
            long size = Integer.toUnsignedLong(buffer.getInt(position + 24));
            int nameLength = Short.toUnsignedInt(buffer.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(position + 32));
            int localHeader = (int) Integer.toUnsignedLong(buffer.getInt(position + 42));
            String name = new String(zip, position + 46, nameLength, StandardCharsets.UTF_8);
            if (compressedSize == MAX32 || size == MAX32) {
                throw new IOException("Entry " + name + " is too large for a form");
            }
            int dataStart = localHeader + 30 + Short.toUnsignedInt(buffer.getShort(localHeader + 26)) + Short.toUnsignedInt(buffer.getShort(localHeader + 28));
            byte[] data = new byte[(int) compressedSize];
            System.arraycopy(zip, dataStart, data, 0, data.length);
            entries.add(canonical(new Entry(name, method, crc, compressedSize, size, data), created));
            position += 46 + nameLength + extraLength + commentLength;
        }
        write(entries, LocalDateTime.ofInstant(created, ZoneOffset.UTC), out);
    }

    private static Entry canonical(Entry entry, Instant created) throws IOException {
        byte[] content = inflate(entry);
        if (entry.name().equals(CORE_PROPERTIES)) {
            String xml = new String(content, StandardCharsets.UTF_8);
            content = CREATED.matcher(xml).replaceFirst("$1" + Matcher.quoteReplacement(W3CDTF.format(created)) + "$2").getBytes(StandardCharsets.UTF_8);
        }
        else if (entry.name().startsWith(WORKSHEETS)) {
            content = sortedMergedRanges(content);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 4 + 64);
            byte[] chunk = new byte[16384];
            while (!deflater.finished()) {
                compressed.write(chunk, 0, deflater.deflate(chunk));
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            byte[] data = compressed.toByteArray();
            return new Entry(entry.name(), DEFLATED, crc.getValue(), data.length, content.length, data);
        }
        finally {
            deflater.end();
        }
    }

    /** The sheet with its {@code <mergeCell>} elements in the order of their text. */
    static byte[] sortedMergedRanges(byte[] sheet) {
        String xml = new String(sheet, StandardCharsets.UTF_8);
        int start = xml.indexOf("<mergeCells");
        if (start < 0) {
            return sheet;
        }
        int open = xml.indexOf('>', start) + 1;
        int close = xml.indexOf("</mergeCells>", open);
        Matcher matcher = MERGE_CELL.matcher(xml.substring(open, close));
        List<String> cells = new ArrayList<>();
        while (matcher.find()) {
            cells.add(matcher.group());
        }
        cells.sort(null);
        return (xml.substring(0, open) + String.join("", cells) + xml.substring(close)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] inflate(Entry entry) throws IOException {
        if (entry.method() != DEFLATED) {
            return entry.data();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(entry.data());
            byte[] content = new byte[(int) entry.size()];
            int done = 0;
            while (done < content.length && !inflater.finished()) {
                int read = inflater.inflate(content, done, content.length - done);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += read;
            }
            if (done != content.length) {
                throw new IOException("Broken " + entry.name() + ": " + done + " of " + content.length + " bytes");
            }
            return content;
        }
        catch (DataFormatException e) {
            throw new IOException("Broken " + entry.name() + ": " + e.getMessage(), e);
        }
        finally {
            inflater.end();
        }
    }

    /** A plain zip: sizes in the local headers, no data descriptors, one fixed DOS time on every entry. */
    private static void write(List<Entry> entries, LocalDateTime time, OutputStream out) throws IOException {
        int dosTime = (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
        int dosDate = ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer local = header(30 + name.length);
            local.putInt(LOCAL_HEADER).putShort((short) VERSION).putShort((short) 0).putShort((short) entry.method())
                    .putShort((short) dosTime).putShort((short) dosDate).putInt((int) entry.crc()).putInt((int) entry.compressedSize())
                    .putInt((int) entry.size()).putShort((short) name.length).putShort((short) 0).put(name);
            out.write(local.array());
            out.write(entry.data());
            ByteBuffer directory = header(46 + name.length);
            directory.putInt(CENTRAL_HEADER).putShort((short) VERSION).putShort((short) VERSION).putShort((short) 0).putShort((short) entry.method())
                    .putShort((short) dosTime).putShort((short) dosDate).putInt((int) entry.crc()).putInt((int) entry.compressedSize())
                    .putInt((int) entry.size()).putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
            central.write(directory.array());
            offset += 30 + name.length + entry.data().length;
        }
        out.write(central.toByteArray());
        ByteBuffer end = header(22);
        end.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
                .putInt(central.size()).putInt((int) offset).putShort((short) 0);
        out.write(end.array());
        out.flush();
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
