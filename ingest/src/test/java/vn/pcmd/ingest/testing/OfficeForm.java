package vn.pcmd.ingest.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Section;
import vn.pcmd.core.catalog.ValueType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A form as an office types it from the seed's appendix, not from our template: its own title lines, a header over
 * two rows with merged cells and "Năm\n2021" broken over two lines, the labels retyped (line breaks, spacing, case),
 * no hidden code column and no metadata sheet. Values are given per indicator and year as numbers or as typed text.
 */
public final class OfficeForm {
    private final Catalog catalog;
    private final Form form;
    private final List<String> headings = new ArrayList<>();
    private final Map<String, Object[]> values = new LinkedHashMap<>();
    private final Map<String, Object> totals = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<Object[]> extraRows = new ArrayList<>();
    private List<Indicator> rows;
    private List<Integer> years;
    private UnaryOperator<String> retype = label -> label;
    private final Map<String, Integer> rowNumbers = new HashMap<>();

    private OfficeForm(Catalog catalog, Form form) {
        this.catalog = catalog;
        this.form = form;
        this.rows = catalog.indicators(form);
        this.years = catalog.period().years();
        headings.add(form.titleVi());
        headings.add("BIỂU TỔNG HỢP SỐ LIỆU");
    }

    public static OfficeForm of(Catalog catalog, Form form) {
        return new OfficeForm(catalog, form);
    }

    /** Only these rows, e.g. one department's section of Phụ lục IA. */
    public OfficeForm rows(List<Indicator> indicators) {
        this.rows = List.copyOf(indicators);
        return this;
    }

    /** The year columns the header shows (to leave one out). */
    public OfficeForm years(List<Integer> shownYears) {
        this.years = List.copyOf(shownYears);
        return this;
    }

    public OfficeForm heading(String text) {
        headings.add(text);
        return this;
    }

    /** How the office retyped every label. */
    public OfficeForm retype(UnaryOperator<String> retyping) {
        this.retype = retyping;
        return this;
    }

    public OfficeForm label(String code, String label) {
        labels.put(code, label);
        return this;
    }

    /** Values for the years shown, in order: Number, String (typed text), or null for an empty cell. */
    public OfficeForm values(String code, Object... yearly) {
        values.put(code, yearly);
        return this;
    }

    public OfficeForm total(String code, Object total) {
        totals.put(code, total);
        return this;
    }

    /** Fills every row with small whole numbers (yes/no rows with "Có"), breakdowns below their totals. */
    public OfficeForm filled() {
        for (Indicator indicator : rows) {
            Object[] yearly = new Object[years.size()];
            for (int index = 0; index < yearly.length; index++) {
                yearly[index] = indicator.valueType() == ValueType.YES_NO ? "Có" : (Object) (double) (indicator.parentCode().isPresent() ? 1 : 10 + index);
            }
            values.putIfAbsent(indicator.code(), yearly);
        }
        return this;
    }

    /** A row the catalog does not have, with values. */
    public OfficeForm extraRow(String label, Object... yearly) {
        extraRows.add(new Object[] {label, yearly});
        return this;
    }

    /** The 1-based spreadsheet row an indicator (or an extra row, by label) was written on, once saved. */
    public int rowOf(String codeOrLabel) {
        return rowNumbers.get(codeOrLabel);
    }

    /** "C12": the cell of an indicator's year, as the spreadsheet names it. */
    public String cellOf(String code, int year) {
        return (char) ('C' + years.indexOf(year)) + String.valueOf(rowOf(code));
    }

    public Path save(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Biểu " + form.name());
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            int rowIndex = 0;
            for (String heading : headings) {
                sheet.createRow(rowIndex++).createCell(0).setCellValue(heading);
            }
            rowIndex++;
            int headerRow = rowIndex;
            Row first = sheet.createRow(rowIndex++);
            Row second = sheet.createRow(rowIndex++);
            first.createCell(0).setCellValue("Nội dung");
            first.createCell(1).setCellValue("Đơn vị\ntính");
            first.createCell(2).setCellValue("Kết quả thực hiện");
            int totalColumn = 2 + years.size();
            first.createCell(totalColumn).setCellValue("Tổng\ncộng");
            for (int index = 0; index < years.size(); index++) {
                Cell cell = second.createCell(2 + index);
                cell.setCellValue("Năm\n" + years.get(index));
                cell.setCellStyle(wrap);
            }
            sheet.addMergedRegion(new CellRangeAddress(headerRow, headerRow + 1, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(headerRow, headerRow + 1, 1, 1));
            if (years.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(headerRow, headerRow, 2, 1 + years.size()));
            }
            sheet.addMergedRegion(new CellRangeAddress(headerRow, headerRow + 1, totalColumn, totalColumn));
            String section = null;
            for (Indicator indicator : rows) {
                if (!indicator.sectionCode().equals(section)) {
                    section = indicator.sectionCode();
                    Section heading = catalog.section(section).orElseThrow();
                    sheet.createRow(rowIndex++).createCell(0).setCellValue(heading.labelVi());
                }
                String label = labels.getOrDefault(indicator.code(), (indicator.marker().isEmpty() ? "" : indicator.marker() + " ") + indicator.labelVi());
                rowNumbers.put(indicator.code(), rowIndex + 1);
                Row row = sheet.createRow(rowIndex++);
                Cell labelCell = row.createCell(0);
                labelCell.setCellValue(retype.apply(label));
                labelCell.setCellStyle(wrap);
                row.createCell(1).setCellValue(indicator.unitVi());
                writeValues(row, values.get(indicator.code()), totals.get(indicator.code()), totalColumn);
            }
            for (Object[] extra : extraRows) {
                rowNumbers.put((String) extra[0], rowIndex + 1);
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue((String) extra[0]);
                writeValues(row, (Object[]) extra[1], null, totalColumn);
            }
            try (OutputStream output = Files.newOutputStream(file)) {
                workbook.write(output);
            }
        }
        return file;
    }

    private static void writeValues(Row row, Object[] yearly, Object total, int totalColumn) {
        if (yearly != null) {
            for (int index = 0; index < yearly.length; index++) {
                Object value = yearly[index];
                if (value instanceof Number number) {
                    row.createCell(2 + index).setCellValue(number.doubleValue());
                }
                else if (value instanceof String text) {
                    row.createCell(2 + index).setCellValue(text);
                }
            }
        }
        if (total instanceof Number number) {
            row.createCell(totalColumn).setCellValue(number.doubleValue());
        }
    }
}
