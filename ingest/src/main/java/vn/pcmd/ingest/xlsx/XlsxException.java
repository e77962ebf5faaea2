package vn.pcmd.ingest.xlsx;

import java.util.Optional;

/**
 * A workbook that cannot be read safely or at all: not a zip, truncated, encrypted, a zip bomb, an XML external
 * entity. The reason is a key of the ingest message bundle, so that the user reads it in Vietnamese and English;
 * when the fault lies in one sheet or cell, the exception says which, so that the user can find it.
 */
public final class XlsxException extends Exception {
    private final String reason;
    private final Object[] arguments;
    private final Optional<String> sheet;
    private final Optional<String> cell;

    public XlsxException(String reason, Object... arguments) {
        this(Optional.empty(), Optional.empty(), reason, arguments);
    }

    private XlsxException(Optional<String> sheet, Optional<String> cell, String reason, Object... arguments) {
        super(reason);
        this.reason = reason;
        this.arguments = arguments.clone();
        this.sheet = sheet;
        this.cell = cell;
    }

    /** A fault in a sheet as a whole. */
    public static XlsxException inSheet(String sheet, String reason, Object... arguments) {
        return new XlsxException(Optional.of(sheet), Optional.empty(), reason, arguments);
    }

    /** A fault at a cell (A1) of a sheet. */
    public static XlsxException atCell(String sheet, String cell, String reason, Object... arguments) {
        return new XlsxException(Optional.of(sheet), Optional.of(cell), reason, arguments);
    }

    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public Optional<String> sheet() {
        return sheet;
    }

    public Optional<String> cell() {
        return cell;
    }
}
