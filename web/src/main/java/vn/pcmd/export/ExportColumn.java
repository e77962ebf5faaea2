package vn.pcmd.export;

import java.sql.Types;

import static java.util.Objects.requireNonNull;

/**
 * A column of an exported table: its name (the CSV header, stable for programs), the header a person reads in a
 * spreadsheet, and the kind of values it holds.
 */
public record ExportColumn(String name, String label, Kind kind) {
    public enum Kind {
        NUMBER, TEXT, BOOLEAN, DATE, TIMESTAMP
    }

    public ExportColumn {
        requireNonNull(name, "name is null");
        requireNonNull(label, "label is null");
        requireNonNull(kind, "kind is null");
    }

    /** A column named as in the data, with its Vietnamese header where there is one. */
    public static ExportColumn of(String name, Kind kind) {
        return new ExportColumn(name, ExportMessages.columnLabel(name).orElse(name), kind);
    }

    /** The kind of a JDBC column type; anything not a number, truth value or time is exported as its text. */
    static Kind kind(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Kind.NUMBER;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.DATE -> Kind.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            default -> Kind.TEXT;
        };
    }
}
