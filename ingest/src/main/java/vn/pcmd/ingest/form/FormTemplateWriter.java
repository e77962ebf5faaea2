package vn.pcmd.ingest.form;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.pcmd.core.catalog.Agency;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.catalog.ValueType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

import static java.util.Objects.requireNonNull;

/**
 * Writes the official forms as .xlsx following {@link FormLayout}: blank templates for offices to fill, and filled
 * forms (the synthetic generator's), through one code path so that both always have the same layout.
 *
 * <p>Filled workbooks are byte-for-byte reproducible: their creation time is the day the form was sent (or the end of
 * the period), not the moment they were written. One writer may be shared by several threads.
 */
public final class FormTemplateWriter {
    /** The font of Vietnamese official documents; LibreOffice substitutes the metric-compatible Liberation Serif. */
    static final String FONT = "Times New Roman";
    static final int FONT_SIZE = 12;
    private static final String APPLICATION = "PCMD Warehouse";
    private static final String APPLICATION_VERSION = "1.0";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final double LABEL_WIDTH = 60;
    private static final double UNIT_WIDTH = 15;
    private static final double YEAR_WIDTH = 10.5;
    private static final double TOTAL_WIDTH = 11;
    private static final double CODE_WIDTH = 34;
    /** Points per line of 12-point text. */
    private static final double LINE_HEIGHT = 15.75;
    private static final String COUNT_FORMAT = "#,##0";
    private static final String MONEY_FORMAT = "#,##0.0##";
    private static final String TEXT_FORMAT = "@";

    private final Catalog catalog;
    private final ProgrammePeriod period;
    private final List<Integer> years;
    private final Map<String, List<FormRow>> layouts = new ConcurrentHashMap<>();

    public FormTemplateWriter(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.period = catalog.period();
        this.years = period.years();
    }

    /** The body rows the form of {@code identity} has, in the order they are written from {@link FormLayout#FIRST_BODY_ROW}. */
    public List<FormRow> rows(FormIdentity identity) {
        return rows(identity.form(), identity.agency());
    }

    private List<FormRow> rows(Form form, Optional<String> agency) {
        agency.ifPresent(code -> catalog.agency(code).orElseThrow(() -> new IllegalArgumentException("Unknown department: " + code)));
        return layouts.computeIfAbsent(form + "/" + agency.orElse(""), ignored -> FormRows.of(catalog, form, agency));
    }

    /** A blank form: empty year cells, Tổng cộng as a SUM formula over the years. */
    public void writeTemplate(FormIdentity identity, OutputStream out) throws IOException {
        write(identity, Optional.empty(), Instant.now().truncatedTo(ChronoUnit.SECONDS), out);
    }

    /** A filled form; Tổng cộng holds the plain sum (a writer without a calculation engine cannot cache a formula's value). */
    public void writeFilled(FormIdentity identity, FormValues values, OutputStream out) throws IOException {
        requireNonNull(values, "values is null");
        write(identity, Optional.of(values), createdAt(identity), out);
    }

    public void writeTemplate(FormIdentity identity, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTemplate(identity, out);
        }
    }

    public void writeFilled(FormIdentity identity, FormValues values, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeFilled(identity, values, out);
        }
    }

    /**
     * A consolidated report: the form's rows filled with a unit's consolidated figures, under the form's title and
     * the heading's unit line and subtitle. Phụ lục IA without a department holds every department's section.
     */
    public void writeReport(ReportHeading heading, FormValues values, OutputStream out) throws IOException {
        requireNonNull(heading, "heading is null");
        requireNonNull(values, "values is null");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FormLayout.KEY_FORM, heading.form().name());
        metadata.put(FormLayout.KEY_UNIT_CODE, heading.unitCode());
        metadata.put(FormLayout.KEY_UNIT_NAME, heading.unitName());
        heading.agency().ifPresent(agency -> metadata.put(FormLayout.KEY_AGENCY, agency));
        metadata.put(FormLayout.KEY_PERIOD, period.code());
        metadata.put(FormLayout.KEY_LAYOUT_VERSION, FormLayout.LAYOUT_VERSION);
        metadata.put(FormLayout.KEY_VINTAGE, heading.vintage());
        write(heading.form(), rows(heading.form(), heading.agency()), heading.unitLine(), Optional.of(heading.subtitle()), metadata, Optional.of(values),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), out);
    }

    public void writeReport(ReportHeading heading, FormValues values, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeReport(heading, values, out);
        }
    }

    /** The metadata rows of the hidden sheet, in the order they are written. */
    public Map<String, String> metadata(FormIdentity identity) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FormLayout.KEY_FORM, identity.form().name());
        metadata.put(FormLayout.KEY_UNIT_CODE, identity.unitCode());
        metadata.put(FormLayout.KEY_UNIT_NAME, identity.unitName());
        identity.agency().ifPresent(agency -> metadata.put(FormLayout.KEY_AGENCY, agency));
        metadata.put(FormLayout.KEY_PERIOD, period.code());
        metadata.put(FormLayout.KEY_LAYOUT_VERSION, FormLayout.LAYOUT_VERSION);
        identity.submittedOn().ifPresent(date -> metadata.put(FormLayout.KEY_SUBMITTED_ON, date.toString()));
        return metadata;
    }

    /** Row 4: the unit for Phụ lục IIA, the department and its province for Phụ lục IA. */
    public String unitLine(FormIdentity identity) {
        if (identity.form() == Form.IA) {
            Agency agency = catalog.agency(identity.agency().orElseThrow()).orElseThrow(() -> new IllegalArgumentException("Unknown department: " + identity.agency().get()));
            return "Cơ quan: " + agency.nameVi() + " — " + identity.unitName();
        }
        return "Đơn vị: " + identity.unitName();
    }

    private Instant createdAt(FormIdentity identity) {
        LocalDate day = identity.submittedOn().orElseGet(() -> period.partialYearTo().orElse(LocalDate.of(period.lastYear(), 12, 31)));
        return day.atTime(LocalTime.of(8, 0)).atZone(VIETNAM).toInstant();
    }

    private void write(FormIdentity identity, Optional<FormValues> values, Instant created, OutputStream out) throws IOException {
        write(identity.form(), rows(identity), unitLine(identity), Optional.empty(), metadata(identity), values, created, out);
    }

    private void write(Form form, List<FormRow> rows, String unitLine, Optional<String> subtitle, Map<String, String> metadata, Optional<FormValues> values,
            Instant created, OutputStream out) throws IOException {
        // the package is compressed once, when ReproducibleZip rewrites it to make it reproducible
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128 * 1024);
        Workbook workbook = new Workbook(buffer, APPLICATION, APPLICATION_VERSION);
        workbook.setCompressionLevel(Deflater.NO_COMPRESSION);
        // the form's cells name their font explicitly; LibreOffice ignores a cell's font when it is the workbook's
        // default one (font 0) and shows its own, so the default must differ from the form's
        workbook.setGlobalDefaultFont(FONT, FONT_SIZE - 1);
        Worksheet sheet = workbook.newWorksheet(FormLayout.sheetName(form));
        writeForm(sheet, form, unitLine, subtitle, rows, values);
        Worksheet metadataSheet = workbook.newWorksheet(FormLayout.METADATA_SHEET);
        int row = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            metadataSheet.value(row, 0, entry.getKey());
            metadataSheet.value(row, 1, entry.getValue());
            row++;
        }
        metadataSheet.width(0, 16);
        metadataSheet.width(1, 40);
        metadataSheet.setVisibilityState(VisibilityState.HIDDEN);
        workbook.finish();
        ReproducibleZip.rewrite(buffer.toByteArray(), created, out);
    }

    private void writeForm(Worksheet sheet, Form form, String unitLine, Optional<String> subtitle, List<FormRow> rows, Optional<FormValues> values) {
        int yearCount = years.size();
        int totalColumn = FormLayout.totalColumn(yearCount);
        int codeColumn = FormLayout.codeColumn(yearCount);
        int lastYearColumn = totalColumn - 1;

        sheet.width(FormLayout.LABEL_COLUMN, LABEL_WIDTH);
        sheet.width(FormLayout.UNIT_COLUMN, UNIT_WIDTH);
        for (int column = FormLayout.FIRST_YEAR_COLUMN; column <= lastYearColumn; column++) {
            sheet.width(column, YEAR_WIDTH);
        }
        sheet.width(totalColumn, TOTAL_WIDTH);
        sheet.width(codeColumn, CODE_WIDTH);
        sheet.hideColumn(codeColumn);

        List<String> titles = FormLayout.titleLines(form, period.code());
        for (int index = 0; index < titles.size(); index++) {
            int row = FormLayout.TITLE_ROW - 1 + index;
            sheet.value(row, 0, titles.get(index));
            sheet.range(row, 0, row, totalColumn).merge();
            style(sheet, row, 0, row, totalColumn).bold().fontSize(index == 0 ? FONT_SIZE : FONT_SIZE + 1).horizontalAlignment(index == 0 ? "right" : "center").set();
        }
        int unitRow = FormLayout.UNIT_ROW - 1;
        sheet.value(unitRow, 0, unitLine);
        sheet.range(unitRow, 0, unitRow, totalColumn).merge();
        style(sheet, unitRow, 0, unitRow, totalColumn).bold().italic().set();
        if (subtitle.isPresent()) {
            int subtitleRow = FormLayout.SUBTITLE_ROW - 1;
            sheet.value(subtitleRow, 0, subtitle.get());
            sheet.range(subtitleRow, 0, subtitleRow, totalColumn).merge();
            style(sheet, subtitleRow, 0, subtitleRow, totalColumn).italic().horizontalAlignment("center").wrapText(true).set();
            sheet.rowHeight(subtitleRow, 2 * LINE_HEIGHT + 3);
        }

        int header = FormLayout.HEADER_ROW - 1;
        int yearHeader = FormLayout.YEAR_HEADER_ROW - 1;
        sheet.value(header, FormLayout.LABEL_COLUMN, FormLayout.HEADER_LABEL);
        sheet.range(header, FormLayout.LABEL_COLUMN, yearHeader, FormLayout.LABEL_COLUMN).merge();
        sheet.value(header, FormLayout.UNIT_COLUMN, FormLayout.HEADER_UNIT);
        sheet.range(header, FormLayout.UNIT_COLUMN, yearHeader, FormLayout.UNIT_COLUMN).merge();
        sheet.value(header, FormLayout.FIRST_YEAR_COLUMN, FormLayout.HEADER_RESULTS);
        sheet.range(header, FormLayout.FIRST_YEAR_COLUMN, header, lastYearColumn).merge();
        for (int index = 0; index < yearCount; index++) {
            sheet.value(yearHeader, FormLayout.FIRST_YEAR_COLUMN + index, FormLayout.YEAR_PREFIX + years.get(index));
        }
        sheet.value(header, totalColumn, FormLayout.HEADER_TOTAL);
        sheet.range(header, totalColumn, yearHeader, totalColumn).merge();
        sheet.value(header, codeColumn, FormLayout.CODE_COLUMN_HEADER);
        style(sheet, header, 0, yearHeader, totalColumn)
                .bold().horizontalAlignment("center").verticalAlignment("center").wrapText(true).borderStyle(BorderStyle.THIN).set();
        sheet.rowHeight(yearHeader, 31.5);

        int row = FormLayout.FIRST_BODY_ROW - 1;
        for (FormRow formRow : rows) {
            writeRow(sheet, row, formRow, values, totalColumn, codeColumn);
            row++;
            if (values.isPresent()) {
                for (FormValues.ExtraRow extra : values.get().rowsAfter(formRow.code())) {
                    writeExtraRow(sheet, row, extra, totalColumn);
                    row++;
                }
            }
        }

        sheet.pageOrientation("landscape");
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(header, yearHeader);
    }

    private void writeRow(Worksheet sheet, int row, FormRow formRow, Optional<FormValues> values, int totalColumn, int codeColumn) {
        sheet.value(row, FormLayout.LABEL_COLUMN, formRow.label());
        sheet.value(row, codeColumn, formRow.code());
        sheet.rowHeight(row, rowHeight(formRow.label(), formRow.unitVi(), formRow.isHeading()));
        if (formRow.isHeading()) {
            style(sheet, row, FormLayout.LABEL_COLUMN, row, FormLayout.LABEL_COLUMN).bold().wrapText(true).verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
            style(sheet, row, FormLayout.UNIT_COLUMN, row, totalColumn).borderStyle(BorderStyle.THIN).set();
            return;
        }
        styleLabelAndUnit(sheet, row);
        Indicator indicator = formRow.indicator().orElseThrow();
        sheet.value(row, FormLayout.UNIT_COLUMN, formRow.unitVi());
        String format = format(indicator.valueType());
        boolean yesNo = indicator.valueType() == ValueType.YES_NO;
        style(sheet, row, FormLayout.FIRST_YEAR_COLUMN, row, totalColumn).format(format).horizontalAlignment(yesNo ? "center" : "right")
                .verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
        if (values.isEmpty()) {
            if (!yesNo) {
                // a count of Có answers would be meaningless, so yes/no rows have no Tổng cộng
                sheet.formula(row, totalColumn, "SUM(" + cellName(row, FormLayout.FIRST_YEAR_COLUMN) + ":" + cellName(row, totalColumn - 1) + ")");
            }
            return;
        }
        FormValues filled = values.get();
        for (int index = 0; index < years.size(); index++) {
            int column = FormLayout.FIRST_YEAR_COLUMN + index;
            filled.get(formRow.code(), years.get(index)).ifPresent(value -> writeCell(sheet, row, column, value));
        }
        if (!yesNo) {
            OptionalDouble total = filled.total(formRow.code());
            if (total.isPresent()) {
                writeNumber(sheet, row, totalColumn, total.getAsDouble());
            }
        }
    }

    private void writeExtraRow(Worksheet sheet, int row, FormValues.ExtraRow extra, int totalColumn) {
        sheet.value(row, FormLayout.LABEL_COLUMN, extra.label());
        sheet.rowHeight(row, rowHeight(extra.label(), extra.unitVi(), false));
        sheet.value(row, FormLayout.UNIT_COLUMN, extra.unitVi());
        styleLabelAndUnit(sheet, row);
        style(sheet, row, FormLayout.FIRST_YEAR_COLUMN, row, totalColumn).format(COUNT_FORMAT).horizontalAlignment("right")
                .verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
        for (int index = 0; index < years.size(); index++) {
            FilledCell value = extra.cells().get(years.get(index));
            if (value != null) {
                writeCell(sheet, row, FormLayout.FIRST_YEAR_COLUMN + index, value);
            }
        }
        OptionalDouble total = FormValues.sum(extra.cells());
        if (total.isPresent()) {
            writeNumber(sheet, row, totalColumn, total.getAsDouble());
        }
    }

    /**
     * A style for a block of cells in the form's font. Each cell gets its whole style in one call: a later call
     * would replace the alignment set by an earlier one, not add to it.
     */
    private static StyleSetter style(Worksheet sheet, int top, int left, int bottom, int right) {
        return sheet.range(top, left, bottom, right).style().fontName(FONT).fontSize(FONT_SIZE);
    }

    private static void styleLabelAndUnit(Worksheet sheet, int row) {
        style(sheet, row, FormLayout.LABEL_COLUMN, row, FormLayout.LABEL_COLUMN).wrapText(true).verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
        style(sheet, row, FormLayout.UNIT_COLUMN, row, FormLayout.UNIT_COLUMN).wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                .borderStyle(BorderStyle.THIN).set();
    }

    /**
     * A height that shows the whole wrapped label: spreadsheets keep the default height of a row written without
     * one (LibreOffice does not fit it on opening), which would cut long labels to their first line.
     */
    static double rowHeight(String label, String unit, boolean bold) {
        int lines = Math.max(lines(label, LABEL_WIDTH, bold), lines(unit, UNIT_WIDTH, false));
        return Math.max(1, lines) * LINE_HEIGHT + 3;
    }

    /** Lines a text takes when wrapped in a column of {@code width} (in widths of a digit), capitals and bold counted wider. */
    private static int lines(String text, double width, boolean bold) {
        double perLine = width * 1.05;
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            double line = 0;
            lines++;
            for (String word : paragraph.split(" ")) {
                double length = 0;
                for (int index = 0; index < word.length(); index++) {
                    length += Character.isUpperCase(word.charAt(index)) ? 1.35 : 1.0;
                }
                length *= bold ? 1.1 : 1.0;
                if (line > 0 && line + 1 + length > perLine) {
                    lines++;
                    line = length;
                }
                else {
                    line += (line > 0 ? 1 : 0) + length;
                }
            }
        }
        return lines;
    }

    private static void writeCell(Worksheet sheet, int row, int column, FilledCell value) {
        if (value instanceof FilledCell.Numeric numeric) {
            writeNumber(sheet, row, column, numeric.value());
        }
        else if (value instanceof FilledCell.Text text) {
            sheet.value(row, column, text.text());
        }
    }

    /** Whole numbers as integers ("12", not "12.0"), so that the sheet's XML says what an office would have typed. */
    private static void writeNumber(Worksheet sheet, int row, int column, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            sheet.value(row, column, (long) value);
        }
        else {
            sheet.value(row, column, value);
        }
    }

    private static String format(ValueType type) {
        return switch (type) {
            case COUNT -> COUNT_FORMAT;
            case MONEY -> MONEY_FORMAT;
            case YES_NO -> TEXT_FORMAT;
        };
    }

    /** A1 name of a 0-based cell. */
    static String cellName(int row, int column) {
        return columnName(column) + (row + 1);
    }

    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int remaining = column + 1; remaining > 0; remaining = (remaining - 1) / 26) {
            name.insert(0, (char) ('A' + (remaining - 1) % 26));
        }
        return name.toString();
    }

    /** The years of the period, one column each, in order. */
    public List<Integer> years() {
        return new ArrayList<>(years);
    }
}
