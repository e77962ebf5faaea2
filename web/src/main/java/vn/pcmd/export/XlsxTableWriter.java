package vn.pcmd.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An .xlsx table written row by row with fastexcel: a bold header of Vietnamese column names, numbers as numbers,
 * dates as dates. Rows are flushed to the file as they come, and texts are written inline rather than into the shared
 * string table, so that memory stays the same however many rows there are. A sheet holds at most
 * {@value #MAX_DATA_ROWS_PER_SHEET} rows under its header; the next rows continue on "NAME (2)", "NAME (3)"…
 *
 * <p>Texts need no CSV-injection guard here: a cell written as a string is never evaluated as a formula.
 */
public final class XlsxTableWriter implements TableWriter {
    /** Excel's limit of 1,048,576 rows, less the header. */
    public static final int MAX_DATA_ROWS_PER_SHEET = Worksheet.MAX_ROWS - 1;
    private static final int FLUSH_EVERY = 1000;
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private final Workbook workbook;
    private final String sheetName;
    private final int maxDataRowsPerSheet;
    private List<ExportColumn> columns = List.of();
    private Worksheet sheet;
    private int sheets;
    private int row;

    public XlsxTableWriter(OutputStream out, String sheetName) {
        this(out, sheetName, MAX_DATA_ROWS_PER_SHEET);
    }

    /** With fewer rows per sheet than Excel allows, so that tests can see the continuation sheets. */
    XlsxTableWriter(OutputStream out, String sheetName, int maxDataRowsPerSheet) {
        this.workbook = new Workbook(requireNonNull(out, "out is null"), "PCMD Warehouse", "1.0");
        this.sheetName = requireNonNull(sheetName, "sheetName is null");
        if (maxDataRowsPerSheet < 1 || maxDataRowsPerSheet > MAX_DATA_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("Invalid rows per sheet: " + maxDataRowsPerSheet);
        }
        this.maxDataRowsPerSheet = maxDataRowsPerSheet;
    }

    @Override
    public void header(List<ExportColumn> columns) throws IOException {
        this.columns = List.copyOf(columns);
        newSheet();
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (row > maxDataRowsPerSheet) {
            sheet.finish();
            newSheet();
        }
        for (int column = 0; column < columns.size(); column++) {
            Object value = values[column];
            if (value != null) {
                write(column, columns.get(column).kind(), value);
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void write(int column, ExportColumn.Kind kind, Object value) {
        switch (kind) {
            case NUMBER -> number(column, (Number) value);
            case BOOLEAN -> sheet.value(row, column, (Boolean) value);
            case DATE -> {
                sheet.value(row, column, (LocalDate) value);
                sheet.style(row, column).format(DATE_FORMAT).set();
            }
            case TIMESTAMP -> {
                sheet.value(row, column, (LocalDateTime) value);
                sheet.style(row, column).format(TIMESTAMP_FORMAT).set();
            }
            case TEXT -> sheet.inlineString(row, column, value.toString());
        }
    }

    private void number(int column, Number value) {
        if (value instanceof Double || value instanceof Float) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                return;
            }
            // whole numbers as integers, so that the sheet says 12 and not 12.0
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                sheet.value(row, column, (long) number);
                return;
            }
            sheet.value(row, column, number);
            return;
        }
        if (value instanceof BigDecimal decimal) {
            sheet.value(row, column, decimal.stripTrailingZeros());
            return;
        }
        sheet.value(row, column, value);
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? sheetName : sheetName + " (" + sheets + ")");
        for (int column = 0; column < columns.size(); column++) {
            String label = columns.get(column).label();
            sheet.inlineString(0, column, label);
            sheet.style(0, column).bold().wrapText(true).verticalAlignment("center").set();
            sheet.width(column, Math.max(10, Math.min(40, label.length() + 2)));
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    /** Sheets written so far. */
    int sheets() {
        return sheets;
    }

    @Override
    public void close() throws IOException {
        if (sheet == null) {
            header(columns);
        }
        workbook.finish();
    }
}
