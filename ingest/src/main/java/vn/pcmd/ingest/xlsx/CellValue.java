package vn.pcmd.ingest.xlsx;

import static java.util.Objects.requireNonNull;

/**
 * One cell as the workbook stores it: its kind, and its text (a number's canonical text, a string, a boolean's
 * 0/1, an error code). A formula cell carries its cached value, which is what Excel or LibreOffice last computed.
 */
public record CellValue(Kind kind, String text, boolean formula) {
    public enum Kind {
        NUMBER,
        STRING,
        BOOLEAN,
        ERROR,
        /** A formula whose value was never cached (written by a library, not saved by a spreadsheet). */
        EMPTY
    }

    public CellValue {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }

    public boolean isBlank() {
        return kind == Kind.EMPTY || (kind == Kind.STRING && text.isBlank());
    }
}
