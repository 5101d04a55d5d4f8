package ma.tadafor.dashboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin the administrator created at first start outside the demo profile, from
 *                     the environment ({@code TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME} /
 *                     {@code …_PASSWORD}); no default password exists
 * @param lockout      how many failed sign-ins lock an account, and for how long
 */
@ConfigurationProperties("tadafor.security")
public record SignInProperties(@DefaultValue InitialAdmin initialAdmin, @DefaultValue Lockout lockout) {

    public record InitialAdmin(String username, String password) {

        boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }

    public record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration) {
    }
}
