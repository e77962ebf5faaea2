package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.ValueType;
import vn.pcmd.ingest.IssueCode;
import vn.pcmd.ingest.xlsx.CellValue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a cell as offices type it: numbers, numbers stored as text with Vietnamese separators ("1.234",
 * "1.234,5"), "-" for zero, "Có"/"Không"/"x" for yes/no rows, formulas by their cached value. An empty cell is
 * "not reported", which stays distinct from 0.
 */
public final class CellParser {
    private static final Pattern VIETNAMESE_THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH_THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN_DECIMAL_COMMA = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern PLAIN_DECIMAL_POINT = Pattern.compile("-?\\d*\\.\\d+|-?\\d+");
    private static final Pattern INNER_SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    private CellParser() {}

    /** What a cell holds: nothing (not reported), a number, or a problem with the text that caused it. */
    public sealed interface Parsed permits Blank, Number, Problem {}

    public record Blank() implements Parsed {}

    public record Number(double value) implements Parsed {}

    public record Problem(IssueCode code, String text) implements Parsed {}

    public static Parsed parse(CellValue cell, ValueType type) {
        if (cell == null || (cell.kind() == CellValue.Kind.STRING && cell.text().isBlank())) {
            return new Blank();
        }
        return switch (cell.kind()) {
            case EMPTY -> cell.formula() ? new Problem(IssueCode.VALUE_UNCOMPUTED_FORMULA, "") : new Blank();
            case ERROR -> new Problem(IssueCode.VALUE_ERROR_CELL, cell.text());
            case BOOLEAN -> type == ValueType.YES_NO ? new Number(cell.text().equals("1") ? 1 : 0) : new Problem(IssueCode.VALUE_NOT_A_NUMBER, cell.text().equals("1") ? "TRUE" : "FALSE");
            case NUMBER -> number(cell.text(), type);
            case STRING -> text(cell.text(), type);
        };
    }

    private static Parsed number(String text, ValueType type) {
        double value = wholeNumber(text);
        if (Double.isNaN(value)) {
            try {
                value = Double.parseDouble(text);
            }
            catch (NumberFormatException e) {
                return new Problem(IssueCode.VALUE_NOT_A_NUMBER, text);
            }
        }
        if (type == ValueType.YES_NO) {
            return value == 1 || value == 0 ? new Number(value) : new Problem(IssueCode.VALUE_NOT_YES_NO, text);
        }
        return new Number(value);
    }

    /**
     * A number cell that is a whole number of up to fifteen digits, the most a spreadsheet keeps exactly, read without
     * {@link Double#parseDouble}; NaN for anything else (a sign, a point, an exponent), which the general reading takes.
     * Most figures on a form are counts.
     */
    private static double wholeNumber(String text) {
        int length = text.length();
        if (length == 0 || length > 15) {
            return Double.NaN;
        }
        long number = 0;
        for (int index = 0; index < length; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                return Double.NaN;
            }
            number = number * 10 + (digit - '0');
        }
        return number;
    }

    private static Parsed text(String raw, ValueType type) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (type == ValueType.YES_NO) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "có", "co", "x", "yes", "1", "✓", "✔" -> new Number(1);
                case "không", "khong", "0", "no", "-" -> new Number(0);
                default -> new Problem(IssueCode.VALUE_NOT_YES_NO, raw.strip());
            };
        }
        if (text.equals("-") || text.equals("–") || text.equals("—")) {
            return new Number(0);
        }
        Optional<Double> value = parseNumber(INNER_SPACES.matcher(text).replaceAll(""));
        return value.<Parsed>map(Number::new).orElseGet(() -> new Problem(IssueCode.VALUE_NOT_A_NUMBER, raw.strip()));
    }

    /**
     * Vietnamese writes "1.234,5": the dot groups thousands, the comma is decimal. "12,5" is twelve and a half;
     * "1.234" is one thousand two hundred and thirty-four. English "1,234.5" is also accepted when both separators
     * appear in that order, since spreadsheets set to English write it.
     */
    static Optional<Double> parseNumber(String text) {
        String canonical;
        if (VIETNAMESE_THOUSANDS.matcher(text).matches()) {
            canonical = text.replace(".", "").replace(',', '.');
        }
        else if (text.contains(".") && text.contains(",") && ENGLISH_THOUSANDS.matcher(text).matches()) {
            canonical = text.replace(",", "");
        }
        else if (PLAIN_DECIMAL_COMMA.matcher(text).matches()) {
            canonical = text.replace(',', '.');
        }
        else if (PLAIN_DECIMAL_POINT.matcher(text).matches()) {
            canonical = text;
        }
        else {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(canonical));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
