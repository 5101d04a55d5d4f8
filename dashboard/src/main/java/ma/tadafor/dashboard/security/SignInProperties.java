package ma.tadafor.dashboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin the administrator created at first start outside the demo profile, from
 *                     the environment ({@code TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME} /
 *                     {@code …_PASSWORD}); no default password exists
 * @param throttle     how failed sign-ins slow down further guesses, per account and per address
 */
@ConfigurationProperties("tadafor.security")
public record SignInProperties(@DefaultValue InitialAdmin initialAdmin, @DefaultValue Throttle throttle) {

    public record InitialAdmin(String username, String password) {

        boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }

    /**
     * @param accountAttempts failed sign-ins an account may have before each further one waits
     * @param addressAttempts the same for a client address, whichever accounts it tries (an
     *                        office behind one address has several people who mistype)
     * @param firstDelay      the wait after the last free attempt; it doubles with each further failure
     * @param maxDelay        the longest wait, at most a minute: a stranger can slow an account
     *                        down, never lock its owner out
     * @param forgetAfter     failures older than this, with nothing since, are forgotten
     */
    public record Throttle(@DefaultValue("5") int accountAttempts, @DefaultValue("20") int addressAttempts,
                           @DefaultValue("1s") Duration firstDelay, @DefaultValue("60s") Duration maxDelay,
                           @DefaultValue("15m") Duration forgetAfter) {

        static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

        public Throttle {
            if (accountAttempts < 1 || addressAttempts < 1) {
                throw new IllegalArgumentException("tadafor.security.throttle: the attempts must be at least 1");
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                    || maxDelay.compareTo(LONGEST_DELAY) > 0) {
                throw new IllegalArgumentException("tadafor.security.throttle: first-delay must be positive and max-delay "
                        + "between first-delay and " + LONGEST_DELAY.toSeconds() + " s");
            }
            if (forgetAfter.compareTo(maxDelay) <= 0) {
                throw new IllegalArgumentException("tadafor.security.throttle: forget-after must be longer than max-delay");
            }
        }
    }
}
