package vn.pcmd.web.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.units.Vintage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAccountStore {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void passwordsAreStoredAsSaltedPbkdf2HashesAndCheckedByThem(@TempDir Path warehouse) throws Exception {
        AccountStore store = new AccountStore(warehouse, new PasswordHasher(), CLOCK);
        store.add("lanhdao", Role.VIEWER, "75", Vintage.V2025, "một mật khẩu dài");
        store.add("chuyenvien", Role.ANALYST, "75", Vintage.V2025, "một mật khẩu dài");

        String file = Files.readString(store.file());
        assertThat(file).doesNotContain("một mật khẩu dài").contains("pbkdf2-sha256$210000$");
        // the same password, two different salts, two different hashes
        assertThat(store.account("lanhdao").orElseThrow().passwordHash()).isNotEqualTo(store.account("chuyenvien").orElseThrow().passwordHash());
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        assertThat(store.authenticate("lanhdao", "một mật khẩu dài")).isPresent();
        assertThat(store.authenticate("lanhdao", "một mật khẩu dài ")).isEmpty();
        assertThat(store.authenticate("nobody", "một mật khẩu dài")).isEmpty();
        // another process (the command line) sees the same accounts
        assertThat(new AccountStore(warehouse, new PasswordHasher(), CLOCK).account("chuyenvien").orElseThrow().role()).isEqualTo(Role.ANALYST);
    }

    @Test
    void badNamesShortPasswordsAndDuplicatesAreRefused(@TempDir Path warehouse) {
        AccountStore store = new AccountStore(warehouse, new PasswordHasher(), CLOCK);
        assertThatThrownBy(() -> store.add("../admin", Role.ADMIN, "VN", Vintage.V2025, "một mật khẩu dài")).hasMessageContaining("không hợp lệ");
        assertThatThrownBy(() -> store.add("admin", Role.ADMIN, "VN", Vintage.V2025, "short")).hasMessageContaining("ít nhất 10 ký tự");
        store.add("admin", Role.ADMIN, "VN", Vintage.V2025, "một mật khẩu dài");
        assertThatThrownBy(() -> store.add("admin", Role.VIEWER, "75", Vintage.V2025, "một mật khẩu dài")).hasMessageContaining("đã có");
    }

    @Test
    void tokensAreStoredAsHashesBelongToTheirAccountAndAreRevocable(@TempDir Path warehouse) throws Exception {
        AccountStore store = new AccountStore(warehouse, new PasswordHasher(), CLOCK);
        store.add("script", Role.VIEWER, "75", Vintage.V2025, "một mật khẩu dài");
        String token = store.issueToken("script");
        assertThat(token).startsWith(AccountStore.TOKEN_PREFIX).hasSizeGreaterThan(40);
        assertThat(Files.readString(store.file())).doesNotContain(token);
        assertThat(store.authenticateToken(token).orElseThrow().name()).isEqualTo("script");
        assertThat(store.authenticateToken(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(store.revokeTokens("script")).isEqualTo(1);
        assertThat(store.authenticateToken(token)).isEmpty();

        String second = store.issueToken("script");
        assertThat(store.remove("script")).isTrue();
        assertThat(store.authenticateToken(second)).isEmpty();
        assertThat(store.remove("script")).isFalse();
    }

    @Test
    void throttleRefusesAfterFiveFailuresForTheWindowOnly() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES; attempt++) {
            assertThat(throttle.refusedFor("lanhdao", "10.0.0.1")).isEmpty();
            throttle.failed("lanhdao", "10.0.0.1");
        }
        assertThat(throttle.refusedFor("LanhDao", "10.0.0.2")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(LoginThrottle.WINDOW));
        assertThat(throttle.refusedFor("khac", "10.0.0.1")).isEmpty();
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertThat(throttle.refusedFor("lanhdao", "10.0.0.1")).isEmpty();
    }

    @Test
    void sessionsEndWhenIdleAndAlwaysGetAFreshId() {
        MutableClock clock = new MutableClock();
        SessionStore sessions = new SessionStore(clock);
        SessionStore.WebSession first = sessions.open("lanhdao");
        SessionStore.WebSession second = sessions.open("lanhdao");
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.csrfToken()).isNotEqualTo(first.id());
        assertThat(sessions.find(first.id())).isPresent();
        clock.now = clock.now.plus(SessionStore.IDLE).plus(Duration.ofSeconds(1));
        assertThat(sessions.find(first.id())).isEmpty();
        assertThat(sessions.find("forged")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
