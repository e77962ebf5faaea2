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

    private SqlText() {}

    /** A figure: whole numbers as such (40), others with one decimal (12,5 / 12.5). */
    static String number(String expression, Language language) {
        requireNonNull(expression, "expression is null");
        return "(case when (" + expression + ") = floor(" + expression + ") then cast(cast(" + expression + " as bigint) as string) else "
                + oneDecimal(expression, language) + " end)";
    }

    /** Always one decimal, rounded half away from zero: 5,0 / 5.0; -4,5 / -4.5. */
    static String oneDecimal(String expression, Language language) {
        requireNonNull(expression, "expression is null");
        String tenths = "cast(floor(abs(" + expression + ") * 10 + 0.5) as bigint)";
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
