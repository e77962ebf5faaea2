package vn.pcmd.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Signed-in sessions, held in memory: a restart signs everyone out, which is the safe failure. A session id is 256
 * random bits; a session ends after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in, whichever
 * comes first. Each session carries its own CSRF token for the forms it posts.
 */
public final class SessionStore {
    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration ABSOLUTE = Duration.ofHours(12);

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SessionStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One signed-in browser. */
    public static final class WebSession {
        private final String id;
        private final String accountName;
        private final String csrfToken;
        private final Instant created;
        private volatile Instant lastSeen;

        WebSession(String id, String accountName, String csrfToken, Instant created) {
            this.id = id;
            this.accountName = accountName;
            this.csrfToken = csrfToken;
            this.created = created;
            this.lastSeen = created;
        }

        public String id() {
            return id;
        }

        public String accountName() {
            return accountName;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    /** A new session for the account: always a fresh id, so an id planted before sign-in is worth nothing. */
    public WebSession open(String accountName) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        WebSession session = new WebSession(randomToken(), accountName, randomToken(), now);
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<WebSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Signs out every session of an account (removed, or its password changed). */
    public void closeAll(String accountName) {
        sessions.values().removeIf(session -> session.accountName().equals(accountName));
    }

    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean expired(WebSession session, Instant now) {
        return session.lastSeen.plus(IDLE).isBefore(now) || session.created.plus(ABSOLUTE).isBefore(now);
    }
}
