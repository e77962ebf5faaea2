package vn.pcmd.analytics.jobs;

import static java.util.Objects.requireNonNull;

/**
 * SQL expressions that turn numbers and dates into the text of a reason ("Tăng đột biến: 40 so với 8 …"), written
 * so that DuckDB and Spark SQL produce the same characters: no {@code format}/{@code printf}/{@code strftime} (each
 * engine has its own), no {@code concat} (DuckDB skips a null argument, Spark returns null), rounding done with
 * {@code floor} on doubles rather than {@code round} (Spark rounds the decimal text, DuckDB the binary value).
 * Every expression here is null when its input is null.
 */
final class SqlText {
    /** Vietnamese writes 5,0 where English writes 5.0. */
    enum Language {
        VI(","),
        EN(".");

        private final String decimalSeparator;

        Language(String decimalSeparator) {
            this.decimalSeparator = decimalSeparator;
        }
    }

    /** How near, relative to its size, a computed figure must be to a whole number or a half tenth to count as on it. */
    static final String TOLERANCE = "1e-9";

    private SqlText() {}

    /**
     * A figure: whole numbers as such (40), others with one decimal (12,5 / 12.5). Sums of decimal figures may miss
     * a whole number or a rounding boundary by the last bits, differently in each engine and each run (the order of
     * the additions is the engines'), so within {@value #TOLERANCE} (relative) counts as on it: the text is then the
     * same whichever engine added.
     */
    static String number(String expression, Language language) {
        requireNonNull(expression, "expression is null");
        String nearest = "floor((" + expression + ") + 0.5)";
        return "(case when abs((" + expression + ") - " + nearest + ") <= " + TOLERANCE + " * greatest(1.0, abs(" + expression + ")) then cast(cast(" + nearest
                + " as bigint) as string) else " + oneDecimal(expression, language) + " end)";
    }

    /** Always one decimal, rounded half away from zero: 5,0 / 5.0; -4,5 / -4.5 (a half within the tolerance rounds away). */
    static String oneDecimal(String expression, Language language) {
        requireNonNull(expression, "expression is null");
        String tenths = "cast(floor(abs(" + expression + ") * 10 + 0.5 + " + TOLERANCE + " * greatest(1.0, abs(" + expression + ") * 10)) as bigint)";
        String whole = "cast(floor(" + tenths + " / 10.0) as bigint)";
        return "((case when (" + expression + ") < 0 and " + tenths + " > 0 then '-' else '' end) || cast(" + whole + " as string) || '"
                + language.decimalSeparator + "' || cast(" + tenths + " - 10 * " + whole + " as string))";
    }

    /** A share in per cent with one decimal, from a part and a whole: 83,3 / 83.3. */
    static String percent(String part, String whole, Language language) {
        return oneDecimal("100.0 * (" + part + ") / (" + whole + ")", language);
    }

    /** A date as Vietnamese documents write it: 30/8/2025. */
    static String dateVi(String expression) {
        requireNonNull(expression, "expression is null");
        return "(cast(day(" + expression + ") as string) || '/' || cast(month(" + expression + ") as string) || '/' || cast(year(" + expression + ") as string))";
    }

    /** A date in ISO form, 2025-08-30 (both engines cast a date to this text). */
    static String dateIso(String expression) {
        requireNonNull(expression, "expression is null");
        return "cast(" + expression + " as string)";
    }

    /**
     * Days since a fixed origin, from the year and the day of the year (proleptic Gregorian), so that the difference
     * of two dates is one subtraction in both engines: their own date-difference functions take their arguments in
     * opposite orders.
     */
    static String dayNumber(String dateExpression) {
        requireNonNull(dateExpression, "dateExpression is null");
        String before = "(year(" + dateExpression + ") - 1)";
        return "(365 * cast(year(" + dateExpression + ") as bigint) + cast(floor(" + before + " / 4.0) as bigint) - cast(floor(" + before + " / 100.0) as bigint)"
                + " + cast(floor(" + before + " / 400.0) as bigint) + dayofyear(" + dateExpression + "))";
    }
}
