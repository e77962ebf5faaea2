package vn.pcmd.ingest;

/**
 * What can be wrong with a submitted file, each with its severity. An error rejects the whole file; a warning is
 * kept with the accepted figures. The message texts are in {@code messages_vi.properties} and {@code messages_en.properties}
 * under {@code issue.<name>}.
 */
public enum IssueCode {
    // the file as a whole
    FILE_UNREADABLE(Severity.ERROR),
    FILE_NOT_A_FORM(Severity.ERROR),
    FORM_UNKNOWN(Severity.ERROR),
    PERIOD_MISMATCH(Severity.ERROR),
    UNIT_MISSING(Severity.ERROR),
    UNIT_UNKNOWN(Severity.ERROR),
    UNIT_AMBIGUOUS(Severity.ERROR),
    UNIT_WRONG_LEVEL(Severity.ERROR),
    AGENCY_MISSING(Severity.ERROR),
    AGENCY_UNKNOWN(Severity.ERROR),
    YEAR_COLUMN_MISSING(Severity.ERROR),
    NO_FIGURES(Severity.ERROR),
    CSV_HEADER(Severity.ERROR),
    // a row
    ROW_UNKNOWN(Severity.ERROR),
    ROW_DUPLICATE(Severity.ERROR),
    ROW_OTHER_AGENCY(Severity.ERROR),
    ROW_UNRECOGNISED_EMPTY(Severity.WARNING),
    // a cell
    VALUE_NEGATIVE(Severity.ERROR),
    VALUE_FRACTION(Severity.ERROR),
    VALUE_NOT_A_NUMBER(Severity.ERROR),
    VALUE_NOT_YES_NO(Severity.ERROR),
    VALUE_ERROR_CELL(Severity.ERROR),
    VALUE_UNCOMPUTED_FORMULA(Severity.ERROR),
    VALUE_ABOVE_TOTAL(Severity.ERROR),
    VALUE_UNIT_DID_NOT_EXIST(Severity.ERROR),
    VALUE_YEAR_OUT_OF_PERIOD(Severity.ERROR),
    TOTAL_MISMATCH(Severity.WARNING);

    public enum Severity {
        ERROR,
        WARNING
    }

    private final Severity severity;

    IssueCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    public String messageKey() {
        return "issue." + name();
    }
}
