package ma.tadafor.dashboard.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed sign-ins, counted in memory per account and per client address, and the waits they
 * impose: a few free attempts, then a delay that doubles with each further failure up to a
 * ceiling, during which no password of that account or from that address is checked (even the
 * right one). Nothing is written to the warehouse, so parallel guesses cannot conflict there, and
 * an account is never locked: its owner waits at most the ceiling, and its API tokens keep working.
 *
 * <p>A password check must first be admitted: checks in progress count against the free attempts
 * as if they were to fail, so twenty parallel guesses get no more checks than five sequential
 * ones; a request finding the room taken by checks in progress waits for their outcome. One
 * monitor guards every count: an attempt takes room under its account and its address together,
 * and the work under it is a few map operations (the password check runs outside it).
 */
class SignInThrottle {

    /** How long a request waits for checks in progress before being told to come back. */
    private static final Duration LONGEST_WAIT_FOR_CHECKS = Duration.ofSeconds(10);
    /** Counts kept before stale ones are swept out: guesses at many names must not fill memory. */
    private static final int SWEEP_FROM = 10_000;

    private final SignInProperties.Throttle settings;
    private final InstantSource clock;
    private final Map<String, Attempts> attempts = new HashMap<>();
    private int sweepFrom = SWEEP_FROM;

    SignInThrottle(SignInProperties.Throttle settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** What an admitted sign-in reports back once its password has been checked. */
    record Admission(String account, String address) {
    }

    /** A wait that started with a failure, to be audited. */
    record Throttling(String key, int failures, Duration delay) {
    }

    /**
     * Admits a password check for this account from this address, waiting if checks in progress
     * take the room; throws {@link SignInThrottledException} while either is made to wait.
     */
    synchronized Admission admit(String account, String address) {
        long deadline = System.nanoTime() + LONGEST_WAIT_FOR_CHECKS.toNanos();
        while (true) {
            Instant now = clock.instant();
            sweepIfLarge(now);
            Attempts byAccount = attempts.computeIfAbsent(accountKey(account), key -> new Attempts());
            Attempts byAddress = attempts.computeIfAbsent(addressKey(address), key -> new Attempts());
            byAccount.forgetIfStale(now);
            byAddress.forgetIfStale(now);
            Instant until = later(byAccount.refusedUntil, byAddress.refusedUntil);
            if (until != null && until.isAfter(now)) {
                throw new SignInThrottledException(Duration.between(now, until));
            }
            if (byAccount.hasRoom(settings.accountAttempts()) && byAddress.hasRoom(settings.addressAttempts())) {
                byAccount.checking++;
                byAddress.checking++;
                return new Admission(account, address);
            }
            long waitNanos = deadline - System.nanoTime();
            if (waitNanos <= 0) {
                throw new SignInThrottledException(Duration.ofSeconds(1));
            }
            try {
                wait(Math.max(1, waitNanos / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInThrottledException(Duration.ofSeconds(1));
            }
        }
    }

    /** The right password: the account's failures are forgotten, not the address's (an attacker may own an account). */
    synchronized void succeeded(Admission admission) {
        attempts.get(accountKey(admission.account())).succeeded();
        attempts.get(addressKey(admission.address())).checking--;
        notifyAll();
    }

    /** A wrong password (or an account that may not sign in): returns the waits it started. */
    synchronized List<Throttling> failed(Admission admission) {
        Instant now = clock.instant();
        List<Throttling> started = new ArrayList<>(2);
        fail(accountKey(admission.account()), settings.accountAttempts(), now, started);
        fail(addressKey(admission.address()), settings.addressAttempts(), now, started);
        notifyAll();
        return started;
    }

    /** The check could not be made (the warehouse failing, say): it counts for nothing. */
    synchronized void abandoned(Admission admission) {
        attempts.get(accountKey(admission.account())).checking--;
        attempts.get(addressKey(admission.address())).checking--;
        notifyAll();
    }

    private void fail(String key, int freeAttempts, Instant now, List<Throttling> started) {
        Attempts counted = attempts.get(key);
        counted.checking--;
        counted.failures++;
        counted.lastFailure = now;
        if (counted.failures >= freeAttempts) {
            Duration delay = delay(counted.failures - freeAttempts);
            counted.refusedUntil = now.plus(delay);
            started.add(new Throttling(key, counted.failures, delay));
        }
    }

    /** The first delay doubled {@code beyond} times, up to the ceiling. */
    private Duration delay(int beyond) {
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void sweepIfLarge(Instant now) {
        if (attempts.size() < sweepFrom) {
            return;
        }
        attempts.values().forEach(counted -> counted.forgetIfStale(now));
        attempts.values().removeIf(Attempts::empty);
        // Sweeping again only once the map has doubled keeps the cost per sign-in constant.
        sweepFrom = Math.max(SWEEP_FROM, 2 * attempts.size());
    }

    private static String accountKey(String account) {
        return "account " + account;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private final class Attempts {

        int failures;
        int checking;
        Instant lastFailure;
        Instant refusedUntil;

        /** Within the free attempts, counting checks in progress as failures; past them, one check at a time. */
        boolean hasRoom(int freeAttempts) {
            return checking == 0 || failures + checking < freeAttempts;
        }

        void succeeded() {
            checking--;
            failures = 0;
            lastFailure = null;
            refusedUntil = null;
        }

        void forgetIfStale(Instant now) {
            if (lastFailure != null && checking == 0 && lastFailure.plus(settings.forgetAfter()).isBefore(now)) {
                failures = 0;
                lastFailure = null;
                refusedUntil = null;
            }
        }

        boolean empty() {
            return failures == 0 && checking == 0;
        }
    }
}
