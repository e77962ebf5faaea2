package vn.pcmd.web.auth;

/** An account operation that cannot be done, with the reason in Vietnamese and English for the person at the terminal. */
public final class AccountException extends RuntimeException {
    public AccountException(String messageVi, String messageEn) {
        super(messageVi + " / " + messageEn);
    }
}
