package vn.pcmd.core.data;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A data file under {@code data/} that cannot be used as it is. The message names the file, the line
 * and what to change, because the person who reads it is editing a CSV by hand, not reading code.
 */
public final class DataFileException extends RuntimeException {
    private final Path file;
    private final long line;

    public DataFileException(Path file, long line, String problem) {
        super(format(file, line, problem));
        this.file = requireNonNull(file, "file is null");
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the file, the header being line 1; 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }

    private static String format(Path file, long line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
