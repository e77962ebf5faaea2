package vn.pcmd.ingest.generate;

import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.ingest.form.FilledCell;

/**
 * Turns a generated figure into a cell as an office types it: mostly a plain number, "Có" or "Không"; in a few
 * cells a number stored as text with Vietnamese separators ("1.234", "12,5"), "-" for nothing, "x" for yes. All of
 * these are valid and must be accepted.
 */
final class OfficeTyping {
    /** The share of filled cells typed as text. */
    static final double TYPED_SHARE = 0.02;

    private OfficeTyping() {}

    static FilledCell cell(Indicator indicator, long tenths, Draws typing) {
        boolean typed = typing.chance(TYPED_SHARE);
        return switch (indicator.valueType()) {
            case YES_NO -> tenths > 0
                    ? FilledCell.text(typed ? "x" : "Có", 1)
                    : FilledCell.text("Không", 0);
            case COUNT -> typed
                    ? FilledCell.text(tenths == 0 ? "-" : vietnamese(tenths / 10), tenths / 10.0)
                    : FilledCell.number(tenths / 10);
            case MONEY -> typed
                    ? FilledCell.text(tenths == 0 ? "-" : vietnameseMoney(tenths), tenths / 10.0)
                    : FilledCell.number(tenths / 10.0);
        };
    }

    /** A whole number with "." between thousands: 1234567 as "1.234.567". */
    static String vietnamese(long number) {
        String digits = Long.toString(Math.abs(number));
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < digits.length(); index++) {
            if (index > 0 && (digits.length() - index) % 3 == 0) {
                text.append('.');
            }
            text.append(digits.charAt(index));
        }
        return (number < 0 ? "-" : "") + text;
    }

    /** An amount in tenths with "." between thousands and "," before the decimal: 12345 tenths as "1.234,5". */
    static String vietnameseMoney(long tenths) {
        String whole = vietnamese(tenths / 10);
        long decimal = Math.abs(tenths % 10);
        return decimal == 0 ? whole : whole + "," + decimal;
    }
}
