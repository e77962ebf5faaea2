package vn.pcmd.ingest.xlsx;

/** A1-style cell addresses, 0-based columns and 1-based rows as spreadsheets show them. */
public final class CellReference {
    /** Names of the columns a form may use (the reader's default limit is 200), made once: every fact names its cell. */
    private static final String[] COLUMN_NAMES = new String[256];

    static {
        for (int column = 0; column < COLUMN_NAMES.length; column++) {
            COLUMN_NAMES[column] = spell(column);
        }
    }

    private CellReference() {}

    /**
     * References of the cells a form may use, made as first asked for and kept: every fact names its cell, and the
     * warehouse looks each one up in its dictionary. Shared by the reader threads without a lock: a reference is an
     * immutable String, and a thread that sees no reference yet only makes an equal one.
     */
    private static final int CACHED_ROWS = 1024;
    private static final int CACHED_COLUMNS = 64;
    private static final String[] REFERENCES = new String[CACHED_ROWS * CACHED_COLUMNS];

    public static String format(int row, int column) {
        if (row < 0 || row >= CACHED_ROWS || column < 0 || column >= CACHED_COLUMNS) {
            return columnName(column) + row;
        }
        int index = row * CACHED_COLUMNS + column;
        String reference = REFERENCES[index];
        if (reference == null) {
            reference = columnName(column) + row;
            REFERENCES[index] = reference;
        }
        return reference;
    }

    public static String columnName(int column) {
        return column >= 0 && column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : spell(column);
    }

    private static String spell(int column) {
        StringBuilder name = new StringBuilder();
        for (int remaining = column + 1; remaining > 0; remaining = (remaining - 1) / 26) {
            name.insert(0, (char) ('A' + (remaining - 1) % 26));
        }
        return name.toString();
    }

    /**
     * Parses the address in {@code characters[start, end)}, as the XML parser holds it, into a row and a column packed in
     * one long (read them with {@link #row} and {@link #column}); -1 if the text is not an address.
     */
    static long parse(char[] characters, int start, int end) {
        int index = start;
        int column = 0;
        for (; index < end && index < start + 4; index++) {
            char letter = characters[index];
            if (letter >= 'A' && letter <= 'Z') {
                column = column * 26 + (letter - 'A' + 1);
            }
            else if (letter >= 'a' && letter <= 'z') {
                column = column * 26 + (letter - 'a' + 1);
            }
            else {
                break;
            }
        }
        if (index == start || index == end || column > 16_384) {
            return -1;
        }
        int row = 0;
        for (; index < end; index++) {
            char digit = characters[index];
            if (digit < '0' || digit > '9' || row > 1_048_576) {
                return -1;
            }
            row = row * 10 + (digit - '0');
        }
        return (long) row << 32 | (column - 1);
    }

    static int row(long parsed) {
        return (int) (parsed >>> 32);
    }

    static int column(long parsed) {
        return (int) parsed;
    }
}
