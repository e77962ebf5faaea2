package vn.pcmd.web.auth;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A personal access token as stored: only its SHA-256, never the token itself. */
public record AccessToken(String id, String accountName, String sha256, Instant created) {
    public AccessToken {
        requireNonNull(id, "id is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(created, "created is null");
    }
}
