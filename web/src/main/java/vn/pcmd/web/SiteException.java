package vn.pcmd.web;

/**
 * A request the site refuses, with the status and a message for the person (Vietnamese). The message never holds
 * data the person may not see and never a stack trace.
 */
public final class SiteException extends RuntimeException {
    private final int status;

    public SiteException(int status, String messageVi) {
        super(messageVi, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static SiteException badRequest(String messageVi) {
        return new SiteException(400, messageVi);
    }

    public static SiteException notFound(String messageVi) {
        return new SiteException(404, messageVi);
    }

    public static SiteException forbidden() {
        return new SiteException(403, "Tài khoản của bạn không được xem đơn vị này.");
    }
}
