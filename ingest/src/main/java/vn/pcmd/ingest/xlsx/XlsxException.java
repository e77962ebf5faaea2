package vn.pcmd.ingest.xlsx;

/**
 * A workbook that cannot be read safely or at all: not a zip, truncated, encrypted, a zip bomb, an XML external
 * entity. The reason is a key of the ingest message bundle, so that the user reads it in Vietnamese and English.
 */
public final class XlsxException extends Exception {
    private final String reason;
    private final Object[] arguments;

    public XlsxException(String reason, Object... arguments) {
        super(reason);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
