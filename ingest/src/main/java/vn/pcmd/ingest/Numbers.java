package vn.pcmd.ingest;

import java.math.BigDecimal;

/** Numbers written back to people: no exponent, no trailing ".0". */
public final class Numbers {
    private Numbers() {}

    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
