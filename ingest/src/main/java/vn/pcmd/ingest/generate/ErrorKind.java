package vn.pcmd.ingest.generate;

/**
 * The deliberate mistakes {@code ./pcmd generate --with-errors} puts in a file, one kind per file, in this order
 * round and round. Every kind but {@link #TOTAL_MISMATCH} must make ingestion reject the file.
 */
public enum ErrorKind {
    /** A count below zero. */
    NEGATIVE_VALUE("negative_value"),
    /** A fraction in a count of people (2.5 người). */
    FRACTION_IN_COUNT("fraction_in_count"),
    /** Words in a numeric cell ("khoảng 12"). */
    TEXT_IN_NUMBER("text_in_number"),
    /** A yes/no cell holding neither Có nor Không. */
    BAD_YES_NO("bad_yes_no"),
    /** An "of which" row above its total where the catalog says it cannot be. */
    OF_WHICH_ABOVE_TOTAL("of_which_above_total"),
    /** An extra row whose label is not in the catalog, without a code. */
    UNKNOWN_ROW("unknown_row"),
    /** Figures for a year the commune did not exist (abolished before it). */
    YEAR_NOT_EXISTING("year_not_existing"),
    /** Tổng cộng that is not the sum of the years: a warning, the file is still accepted. */
    TOTAL_MISMATCH("total_mismatch");

    private final String code;

    ErrorKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean rejectsFile() {
        return this != TOTAL_MISMATCH;
    }
}
