package vn.pcmd.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * CSV as RFC 4180 says (comma, CRLF, quotes doubled), UTF-8 with a byte order mark, without which Excel reads the
 * file in the machine's code page and shows Vietnamese as mojibake.
 *
 * <p>Text cells that a spreadsheet would take for a formula — starting with {@code = + - @}, a tab or a carriage
 * return — get a leading {@code '} (CSV injection: a file name or a label typed by an office must never run as a
 * formula on an analyst's machine). Numeric columns are written as plain numbers and never touched: figures in the
 * warehouse are never negative, and a number is not a formula.
 */
public final class CsvTableWriter implements TableWriter {
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;
    private List<ExportColumn> columns = List.of();

    public CsvTableWriter(OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(requireNonNull(out, "out is null"), StandardCharsets.UTF_8), 1 << 16);
        writer.write(BYTE_ORDER_MARK);
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void header(List<ExportColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        for (ExportColumn column : this.columns) {
            printer.print(neutralise(column.name()));
        }
        printer.println();
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int index = 0; index < columns.size(); index++) {
            printer.print(cell(columns.get(index).kind(), values[index]));
        }
        printer.println();
    }

    private static String cell(ExportColumn.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case NUMBER -> number((Number) value);
            case BOOLEAN, DATE, TIMESTAMP -> value.toString();
            case TEXT -> neutralise(value.toString());
        };
    }

    /** A number as plain digits: 12 rather than 12.0, 12000000 rather than 1.2E7; not-a-number and infinities as empty. */
    static String number(Number value) {
        if (value instanceof Double || value instanceof Float) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                return "";
            }
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** The text with a leading {@code '} if a spreadsheet would read it as a formula. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
