package ma.tadafor.dashboard.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A request carrying {@code Authorization: Bearer <personal API token>}: first its secret, before
 * it is checked, then its owner. Kept apart from a password sign-in because a token may not do
 * everything a password may (mint another token).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final UserDetails owner;

    private ApiTokenAuthentication(String secret, UserDetails owner) {
        super(owner == null ? List.of() : owner.getAuthorities());
        this.secret = secret;
        this.owner = owner;
        setAuthenticated(owner != null);
    }

    static ApiTokenAuthentication presented(String secret) {
        return new ApiTokenAuthentication(secret, null);
    }

    static ApiTokenAuthentication of(UserDetails owner) {
        return new ApiTokenAuthentication(null, owner);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return owner == null ? "api-token" : owner;
    }
}
