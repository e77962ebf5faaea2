package vn.pcmd.web.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** {@link VietnameseNumbers} as the {@link NumberFormat} JFreeChart's axes and item labels take; one per chart. */
final class VietnameseNumberFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final int fractionDigits;
    private final String suffix;

    private VietnameseNumberFormat(int fractionDigits, String suffix) {
        this.fractionDigits = fractionDigits;
        this.suffix = suffix;
    }

    /** Tick labels: enough decimals that ticks 0,25 apart stay distinct, none on whole numbers. */
    static VietnameseNumberFormat forAxis() {
        return new VietnameseNumberFormat(6, "");
    }

    /** Labels on bars and points, as {@link VietnameseNumbers#format(double)}; with " %" when the unit is per cent. */
    static VietnameseNumberFormat forValues(String unit) {
        return new VietnameseNumberFormat(-1, ChartStyle.isPercent(unit) ? " %" : "");
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition position) {
        String text = fractionDigits < 0 ? VietnameseNumbers.format(number) : VietnameseNumbers.format(number, fractionDigits);
        return toAppendTo.append(text).append(suffix);
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition position) {
        return format((double) number, toAppendTo, position);
    }

    /** Charts never read numbers back. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("VietnameseNumberFormat only formats");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VietnameseNumberFormat that && fractionDigits == that.fractionDigits && suffix.equals(that.suffix);
    }

    @Override
    public int hashCode() {
        return 31 * fractionDigits + suffix.hashCode();
    }
}
