package vn.pcmd.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.pcmd.core.units.Vintage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The site's accounts and personal access tokens, in one JSON file beside the warehouse they give access to
 * ({@code WAREHOUSE/_site/accounts.json}, readable by its owner only). The command line writes it ({@code ./pcmd user});
 * a running site re-reads it when it changes, so an account removed or a token revoked stops working at once. Each
 * write replaces the file by an atomic rename. Passwords are stored as PBKDF2 hashes ({@link PasswordHasher}), tokens
 * as their SHA-256.
 */
public final class AccountStore {
    public static final String DIRECTORY = "_site";
    public static final String FILE = "accounts.json";
    public static final String TOKEN_PREFIX = "pcmd_";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** What was read and from which version of the file; replaced whole, so readers need no lock. */
    private volatile Snapshot snapshot = new Snapshot(new State(List.of(), List.of()), null);

    private record Snapshot(State state, FileTime version) {}

    private record State(List<Account> accounts, List<AccessToken> tokens) {}

    public AccountStore(Path warehouse, PasswordHasher hasher, Clock clock) {
        this.file = requireNonNull(warehouse, "warehouse is null").resolve(DIRECTORY).resolve(FILE);
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path file() {
        return file;
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public List<Account> accounts() {
        return current().accounts();
    }

    public Optional<Account> account(String name) {
        return current().accounts().stream().filter(account -> account.name().equals(name)).findFirst();
    }

    public List<AccessToken> tokens(String accountName) {
        return current().tokens().stream().filter(token -> token.accountName().equals(accountName)).toList();
    }

    public synchronized Account add(String name, Role role, String unitCode, Vintage vintage, String password) {
        if (!isValidName(name)) {
            throw new AccountException("Tên tài khoản \"" + name + "\" không hợp lệ: 2–32 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới",
                    "Account name \"" + name + "\" is not valid: 2–32 characters a-z, 0-9, '.', '-', '_'");
        }
        if (password == null || password.codePointCount(0, password.length()) < PasswordHasher.MINIMUM_LENGTH) {
            throw new AccountException("Mật khẩu phải có ít nhất " + PasswordHasher.MINIMUM_LENGTH + " ký tự",
                    "The password must have at least " + PasswordHasher.MINIMUM_LENGTH + " characters");
        }
        State now = current();
        if (now.accounts().stream().anyMatch(account -> account.name().equals(name))) {
            throw new AccountException("Tài khoản \"" + name + "\" đã có", "Account \"" + name + "\" already exists");
        }
        Account account = new Account(name, role, unitCode, vintage, hasher.hash(password), clock.instant());
        List<Account> accounts = new ArrayList<>(now.accounts());
        accounts.add(account);
        accounts.sort(Comparator.comparing(Account::name));
        save(new State(accounts, now.tokens()));
        return account;
    }

    /** Removes the account and its tokens; false when there was none. */
    public synchronized boolean remove(String name) {
        State now = current();
        List<Account> accounts = now.accounts().stream().filter(account -> !account.name().equals(name)).toList();
        if (accounts.size() == now.accounts().size()) {
            return false;
        }
        save(new State(accounts, now.tokens().stream().filter(token -> !token.accountName().equals(name)).toList()));
        return true;
    }

    /** A new personal access token for the account, returned once and stored only as its hash. */
    public synchronized String issueToken(String accountName) {
        State now = current();
        if (now.accounts().stream().noneMatch(account -> account.name().equals(accountName))) {
            throw new AccountException("Không có tài khoản \"" + accountName + "\"", "No account \"" + accountName + "\"");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] id = new byte[6];
        random.nextBytes(id);
        List<AccessToken> tokens = new ArrayList<>(now.tokens());
        tokens.add(new AccessToken(HexFormat.of().formatHex(id), accountName, sha256(token), clock.instant()));
        save(new State(now.accounts(), tokens));
        return token;
    }

    /** Revokes every token of the account; returns how many there were. */
    public synchronized int revokeTokens(String accountName) {
        State now = current();
        List<AccessToken> kept = now.tokens().stream().filter(token -> !token.accountName().equals(accountName)).toList();
        int revoked = now.tokens().size() - kept.size();
        if (revoked > 0) {
            save(new State(now.accounts(), kept));
        }
        return revoked;
    }

    /** The account a password opens; empty for a wrong password or an unknown name (which costs the same time). */
    public Optional<Account> authenticate(String name, String password) {
        Optional<Account> account = account(name);
        if (account.isEmpty()) {
            hasher.burn(password == null ? "" : password);
            return Optional.empty();
        }
        return hasher.matches(password == null ? "" : password, account.get().passwordHash()) ? account : Optional.empty();
    }

    /** The account a bearer token belongs to, if the token is one issued and not revoked. */
    public Optional<Account> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        byte[] presented = sha256(token).getBytes(StandardCharsets.US_ASCII);
        State now = current();
        for (AccessToken stored : now.tokens()) {
            if (MessageDigest.isEqual(presented, stored.sha256().getBytes(StandardCharsets.US_ASCII))) {
                return now.accounts().stream().filter(account -> account.name().equals(stored.accountName())).findFirst();
            }
        }
        return Optional.empty();
    }

    /**
     * The file's state, re-read when another process (the command line) has changed it: one stat a call, so that an
     * account removed or a token revoked stops working at the next request.
     */
    private State current() {
        try {
            FileTime version = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            Snapshot seen = snapshot;
            if (java.util.Objects.equals(version, seen.version())) {
                return seen.state();
            }
            synchronized (this) {
                State state = version == null ? new State(List.of(), List.of()) : read(file);
                snapshot = new Snapshot(state, version);
                return state;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static State read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode node : root.path("accounts")) {
            accounts.add(new Account(node.path("name").asText(), Role.fromCode(node.path("role").asText()).orElse(Role.VIEWER), node.path("unit").asText(),
                    Vintage.parse(node.path("unit_vintage").asText()).orElse(Vintage.V2025), node.path("password").asText(),
                    Instant.parse(node.path("created").asText())));
        }
        List<AccessToken> tokens = new ArrayList<>();
        for (JsonNode node : root.path("tokens")) {
            tokens.add(new AccessToken(node.path("id").asText(), node.path("account").asText(), node.path("sha256").asText(), Instant.parse(node.path("created").asText())));
        }
        return new State(List.copyOf(accounts), List.copyOf(tokens));
    }

    private void save(State next) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "pcmd-site-accounts/1");
        ArrayNode accounts = root.putArray("accounts");
        for (Account account : next.accounts()) {
            accounts.addObject().put("name", account.name()).put("role", account.role().code()).put("unit", account.unitCode())
                    .put("unit_vintage", account.unitVintage().code()).put("password", account.passwordHash()).put("created", account.created().toString());
        }
        ArrayNode tokens = root.putArray("tokens");
        for (AccessToken token : next.tokens()) {
            tokens.addObject().put("id", token.id()).put("account", token.accountName()).put("sha256", token.sha256()).put("created", token.created().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(root));
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions protect it
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            snapshot = new Snapshot(next, Files.getLastModifiedTime(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
