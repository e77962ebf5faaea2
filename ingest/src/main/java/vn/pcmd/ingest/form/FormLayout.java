package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Form;

import java.util.List;

/**
 * The layout of the official forms as {@code ./pcmd template} writes them, following seed 004's appendix:
 * title rows, a two-row header ("Nội dung", "Đơn vị tính", "Kết quả thực hiện" over "Năm 2021" … "Năm 2025",
 * "Tổng cộng"), then the headings and rows in the form's order.
 *
 * <p>Forms an office typed itself need not follow it: the reader finds the header and the rows by their text.
 * What a template adds is certainty: a hidden sheet {@value #METADATA_SHEET} holds the form, unit, department and
 * period as key/value rows, and a hidden column holds each row's catalog code.
 */
public final class FormLayout {
    /** Hidden sheet of key (column A) / value (column B) rows identifying the workbook. */
    public static final String METADATA_SHEET = "_pcmd";
    public static final String KEY_FORM = "form";
    public static final String KEY_UNIT_CODE = "unit_code";
    public static final String KEY_UNIT_NAME = "unit_name";
    public static final String KEY_AGENCY = "agency";
    public static final String KEY_PERIOD = "period";
    /** The date the reporting office sent the form (ISO yyyy-MM-dd), for the timeliness checks. */
    public static final String KEY_SUBMITTED_ON = "submitted_on";
    public static final String KEY_LAYOUT_VERSION = "layout_version";
    /** Consolidated reports only: the boundaries their figures are consolidated under ("2024" or "2025"). */
    public static final String KEY_VINTAGE = "vintage";
    public static final String LAYOUT_VERSION = "1";

    /** 1-based rows of the template. */
    public static final int TITLE_ROW = 1;
    public static final int UNIT_ROW = 4;
    /** Consolidated reports only: what the figures are consolidated from, and under which boundaries. */
    public static final int SUBTITLE_ROW = 5;
    public static final int HEADER_ROW = 6;
    public static final int YEAR_HEADER_ROW = 7;
    public static final int FIRST_BODY_ROW = 8;

    /** 0-based columns of the template: label, unit of measure, the years, the total, the hidden catalog code. */
    public static final int LABEL_COLUMN = 0;
    public static final int UNIT_COLUMN = 1;
    public static final int FIRST_YEAR_COLUMN = 2;
    /** Holds the catalog code of the row (indicator or section); hidden in the template. */
    public static final String CODE_COLUMN_HEADER = "Mã chỉ tiêu";

    public static final String HEADER_LABEL = "Nội dung";
    public static final String HEADER_UNIT = "Đơn vị tính";
    public static final String HEADER_RESULTS = "Kết quả thực hiện";
    public static final String HEADER_TOTAL = "Tổng cộng";
    public static final String YEAR_PREFIX = "Năm ";

    private FormLayout() {}

    public static String sheetName(Form form) {
        return form.titleVi();
    }

    public static List<String> titleLines(Form form, String period) {
        String dashed = period.replace("-", " - ");
        return List.of(form.titleVi(), "BIỂU TỔNG HỢP SỐ LIỆU", "TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM GIAI ĐOẠN " + dashed);
    }

    /** Column of the total ("Tổng cộng") for a period of {@code years} years. */
    public static int totalColumn(int years) {
        return FIRST_YEAR_COLUMN + years;
    }

    /** Column of the hidden catalog code, right of the total. */
    public static int codeColumn(int years) {
        return totalColumn(years) + 1;
    }
}
