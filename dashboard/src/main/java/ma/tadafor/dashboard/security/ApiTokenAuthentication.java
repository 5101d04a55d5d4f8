package ma.tadafor.dashboard.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request carrying {@code Authorization: Bearer <personal API token>}, before it is checked. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;

    ApiTokenAuthentication(String secret) {
        super(List.of());
        this.secret = secret;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }
}
