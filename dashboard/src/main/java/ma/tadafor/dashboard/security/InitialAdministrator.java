package ma.tadafor.dashboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator created at first start outside the demo profile, from the environment
 * ({@code TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME} / {@code …_PASSWORD}); no default password exists.
 */
@ConfigurationProperties("tadafor.security.initial-admin")
public record InitialAdministrator(String username, String password) {

    boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
