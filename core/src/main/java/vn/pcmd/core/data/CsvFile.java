package vn.pcmd.core.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the UTF-8 CSV data files under {@code data/}: header row, RFC 4180 quoting, Vietnamese text in NFC.
 * Problems are reported as {@link DataFileException}s naming the file and line.
 */
public final class CsvFile {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvFile() {}

    /** Reads every record, checking that the header holds at least {@code requiredColumns}. */
    public static List<CsvRow> read(Path file, List<String> requiredColumns) {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DataFileException(file, 1, "the file has no header row; the first line must name the columns: " + String.join(",", requiredColumns));
            }
            List<String> missing = requiredColumns.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new DataFileException(file, 1, "the header lacks column(s) " + String.join(", ", missing) + "; expected at least: " + String.join(",", requiredColumns));
            }
            List<CsvRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                // getCurrentLineNumber counts line breaks read so far: the line this record ends on
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new DataFileException(file, line, "the row has " + record.size() + " fields but the header has " + header.size() + "; check the quoting and the number of commas");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.get(column);
                    if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
                        throw new DataFileException(file, line, "column '" + column + "' is not in Unicode NFC; save the file as UTF-8 NFC");
                    }
                    values.put(column, value);
                }
                rows.add(new CsvRow(file, line, values));
            }
            return rows;
        }
        catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "the file does not exist; is the data folder complete?");
        }
        catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "the file is not valid UTF-8; save it as UTF-8");
        }
        catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataFileException(file, 0, "the file is not valid UTF-8; save it as UTF-8");
            }
            throw new DataFileException(file, 0, "cannot be parsed as CSV: " + e.getMessage());
        }
        catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Indexes rows by a key column, failing on the second occurrence of a key with both lines in the message. */
    public static <T> Map<String, T> indexUnique(List<CsvRow> rows, String keyColumn, Function<CsvRow, T> mapper) {
        Map<String, T> byKey = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvRow row : rows) {
            String key = row.required(keyColumn);
            Long previous = firstLine.putIfAbsent(key, row.line());
            if (previous != null) {
                throw row.error("duplicate " + keyColumn + " '" + key + "' (first defined on line " + previous + "); give each row its own " + keyColumn);
            }
            byKey.put(key, mapper.apply(row));
        }
        return byKey;
    }

    /** Checks that a set of keys is unique, for files keyed on more than one column. */
    public static void requireUnique(CsvRow row, Set<String> seen, String key, String what) {
        if (!seen.add(key)) {
            throw row.error("duplicate " + what + " '" + key + "'; each may appear once");
        }
    }
}
