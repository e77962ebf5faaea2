package vn.pcmd.cli;

/** A failure the user can fix (a missing file, a unit code that does not exist); printed without a stack trace. */
public final class UserException extends RuntimeException {
    private final int exitCode;

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserException(String message) {
        this(message, 1);
    }

    public int exitCode() {
        return exitCode;
    }
}
