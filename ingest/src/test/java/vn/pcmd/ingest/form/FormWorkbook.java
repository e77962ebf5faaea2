package vn.pcmd.ingest.form;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A workbook written by {@link FormTemplateWriter}, read back with Apache POI: an independent reader, so that the
 * tests check the file, not the writer's idea of it.
 */
public final class FormWorkbook implements AutoCloseable {
    private final XSSFWorkbook workbook;
    private final int years;

    private FormWorkbook(XSSFWorkbook workbook, int years) {
        this.workbook = workbook;
        this.years = years;
    }

    public static FormWorkbook open(Path file, int years) {
        try (InputStream in = Files.newInputStream(file)) {
            return new FormWorkbook(new XSSFWorkbook(in), years);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    public Sheet form() {
        return workbook.getSheetAt(0);
    }

    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Row row : workbook.getSheet(FormLayout.METADATA_SHEET)) {
            metadata.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
        return metadata;
    }

    /** The text of a cell (1-based row, 0-based column), "" when empty. */
    public String text(int row, int column) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> Double.toString(cell.getNumericCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    public Cell cell(int row, int column) {
        Row sheetRow = form().getRow(row - 1);
        return sheetRow == null ? null : sheetRow.getCell(column);
    }

    /** The 1-based rows of the body by the code in the hidden column, in order; rows without a code as "#row". */
    public Map<String, Integer> rowsByCode() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        int codeColumn = FormLayout.codeColumn(years);
        for (int row = FormLayout.FIRST_BODY_ROW; row <= form().getLastRowNum() + 1; row++) {
            String code = text(row, codeColumn);
            rows.put(code.isEmpty() ? "#" + row : code, row);
        }
        return rows;
    }

    /**
     * What a filled year cell stands for, read as ingestion must: numbers, numbers as text with Vietnamese
     * separators, "-" for 0, Có / x for 1, Không for 0. Empty when the cell is blank.
     */
    public Optional<Double> figure(int row, int column) {
        Cell cell = cell(row, column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return Optional.empty();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return Optional.of(cell.getNumericCellValue());
        }
        String text = cell.getStringCellValue().strip();
        return switch (text) {
            case "" -> Optional.empty();
            case "-", "Không" -> Optional.of(0.0);
            case "Có", "x" -> Optional.of(1.0);
            default -> Optional.of(Double.parseDouble(text.replace(".", "").replace(',', '.')));
        };
    }

    @Override
    public void close() {
        try {
            workbook.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
