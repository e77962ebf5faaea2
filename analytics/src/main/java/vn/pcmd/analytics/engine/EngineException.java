package vn.pcmd.analytics.engine;

/** A statement an engine could not run; the message carries the engine's words and the statement. */
public final class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
