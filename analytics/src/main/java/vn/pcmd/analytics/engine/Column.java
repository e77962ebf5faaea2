package vn.pcmd.analytics.engine;

import static java.util.Objects.requireNonNull;

/** A column of a reference table handed to an engine: its name and one of the few types both engines share. */
public record Column(String name, Type type) {
    public enum Type {
        VARCHAR,
        INTEGER,
        DOUBLE,
        BOOLEAN,
        DATE
    }

    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public static Column varchar(String name) {
        return new Column(name, Type.VARCHAR);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    public static Column decimal(String name) {
        return new Column(name, Type.DOUBLE);
    }

    public static Column bool(String name) {
        return new Column(name, Type.BOOLEAN);
    }

    public static Column date(String name) {
        return new Column(name, Type.DATE);
    }
}
