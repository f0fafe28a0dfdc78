package org.frontline.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Throttles wrong passwords per account and per client address: a few failures are free, then each further one
 * locks that account (or address) for twice as long as the last, up to {@link #MAX_LOCK}. While locked, sign-in
 * attempts are answered 429 with Retry-After before any password is hashed, so a flood of guesses costs the
 * server almost nothing and other users are not slowed. Counters are forgotten after {@link #FORGET} without a
 * failure; a successful sign-in clears its account's counter.
 */
@Component
public class LoginThrottle {
    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration MAX_LOCK = Duration.ofMinutes(5);
    static final Duration FORGET = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Counter {
        int failures;
        Instant last = Instant.EPOCH;
        Instant lockedUntil = Instant.EPOCH;
    }

    /** Seconds until a sign-in as {@code user} from {@code address} may be tried again; 0 if it may now. */
    public long retryAfterSeconds(String user, String address) {
        Instant now = clock.instant();
        return Math.max(wait(accounts.get(key(user)), now), wait(addresses.get(address), now));
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (accounts.size() + addresses.size() > MAX_ENTRIES) {
            forgetOld(now);
        }
        record(accounts, key(user), FREE_PER_ACCOUNT, now);
        if (address != null) {
            record(addresses, address, FREE_PER_ADDRESS, now);
        }
    }

    void succeeded(String user) {
        accounts.remove(key(user));
    }

    /** Forgets every counter (tests; or an admin after an incident). */
    public void clear() {
        accounts.clear();
        addresses.clear();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent e) {
        failed(e.getAuthentication().getName(), address(e.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent e) {
        succeeded(e.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }

    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void record(Map<String, Counter> map, String key, int free, Instant now) {
        map.compute(key, (k, c) -> {
            if (c == null || Duration.between(c.last, now).compareTo(FORGET) > 0) {
                c = new Counter();
            }
            c.failures++;
            c.last = now;
            if (c.failures >= free) {
                long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(20, c.failures - free));
                c.lockedUntil = now.plusSeconds(seconds);
            }
            return c;
        });
    }

    private static long wait(Counter c, Instant now) {
        if (c == null || !c.lockedUntil.isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, c.lockedUntil).toSeconds() + 1);
    }

    private void forgetOld(Instant now) {
        accounts.values().removeIf(c -> Duration.between(c.last, now).compareTo(FORGET) > 0);
        addresses.values().removeIf(c -> Duration.between(c.last, now).compareTo(FORGET) > 0);
    }
}
