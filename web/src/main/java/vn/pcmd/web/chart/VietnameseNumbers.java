package vn.pcmd.web.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as Vietnamese readers write them: '.' between thousands, ',' before decimals ("1.234,5"); whole numbers without
 * decimals. Stateless, so safe from any thread (unlike a shared {@link java.text.DecimalFormat}).
 */
public final class VietnameseNumbers {
    /** Shown for a figure that was not reported. */
    public static final String NOT_REPORTED = "—";

    private VietnameseNumbers() {}

    /**
     * The value with at most one decimal (two below 1, so that a small ratio such as 0,25 does not read as 0,3 or 0), rounded
     * half up on its decimal representation: 1.234,5; 1.234; 0; -12,5; 0,05.
     */
    public static String format(double value) {
        return format(value, Math.abs(value) < 1 ? 2 : 1);
    }

    /** As {@link #format(double)}; {@value #NOT_REPORTED} for null, that is, not reported. */
    public static String format(Double valueOrNull) {
        return valueOrNull == null ? NOT_REPORTED : format(valueOrNull.doubleValue());
    }

    /** A value already in per cent, e.g. 45.5 → "45,5 %". */
    public static String percent(double value) {
        return format(value) + " %";
    }

    /**
     * The value rounded half up to at most {@code maximumFractionDigits} decimals, trailing zeros dropped. A value that rounds to
     * zero is "0", never "-0"; NaN and infinities, which no report holds, are {@value #NOT_REPORTED}.
     */
    static String format(double value, int maximumFractionDigits) {
        if (!Double.isFinite(value)) {
            return NOT_REPORTED;
        }
        // BigDecimal.valueOf goes through Double.toString, so 1.25 rounds to 1,3 as a reader expects, not by its binary value
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(maximumFractionDigits, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder text = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (rounded.signum() < 0) {
            text.append('-');
        }
        for (int index = 0; index < whole.length(); index++) {
            if (index > 0 && (whole.length() - index) % 3 == 0) {
                text.append('.');
            }
            text.append(whole.charAt(index));
        }
        if (point >= 0) {
            text.append(',').append(plain, point + 1, plain.length());
        }
        return text.toString();
    }
}
