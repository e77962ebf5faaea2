package vn.pcmd.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins within {@link #WINDOW} for one account name,
 * or {@link #MAX_FAILURES_PER_ADDRESS} from one address, further attempts are refused until the oldest failure leaves
 * the window. Refused attempts are not even checked, so they cost the server nothing. Counted per name and per
 * address, so that one address cannot lock a leader out by guessing, nor guess across many names.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failuresByName = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** How long to wait before trying again, when attempts are refused now. */
    public Optional<Duration> refusedFor(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait(failuresByName.get(key(name)), MAX_FAILURES, now);
        Optional<Duration> byAddress = wait(failuresByAddress.get(address), MAX_FAILURES_PER_ADDRESS, now);
        if (byName.isPresent() && byAddress.isPresent()) {
            return Optional.of(byName.get().compareTo(byAddress.get()) > 0 ? byName.get() : byAddress.get());
        }
        return byName.isPresent() ? byName : byAddress;
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        record(failuresByName, key(name), now);
        record(failuresByAddress, address, now);
    }

    public void succeeded(String name) {
        failuresByName.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private static void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static Optional<Duration> wait(Deque<Instant> times, int limit, Instant now) {
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
