package vn.pcmd.web;

import vn.pcmd.web.auth.Account;
import vn.pcmd.web.auth.SessionStore;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Who is asking: the account, and the browser session when the request came from one (not from a bearer token). */
public record Viewer(Account account, Optional<SessionStore.WebSession> session) {
    public Viewer {
        requireNonNull(account, "account is null");
        requireNonNull(session, "session is null");
    }

    /** The CSRF token forms of this session must send back; empty for token clients, which post nothing. */
    public String csrfToken() {
        return session.map(SessionStore.WebSession::csrfToken).orElse("");
    }
}
