package ma.tadafor.dashboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import ma.tadafor.data.Checksums;

/** Turns a live personal API token into its owner, provided the owner may still sign in. */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final TokenChecks checks;

    ApiTokenAuthenticationProvider(ApiTokens tokens, UserDetailsService users, TokenChecks checks) {
        this.tokens = tokens;
        this.users = users;
        this.checks = checks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = (String) authentication.getCredentials();
        return checks.authenticate(Checksums.sha256(secret), () -> check(secret));
    }

    private Authentication check(String secret) {
        String owner = tokens.owner(secret)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API token"));
        UserDetails user = users.loadUserByUsername(owner);
        if (!user.isEnabled()) {
            throw new DisabledException("the token's owner is disabled");
        }
        // Deliberately not the sign-in throttle: a stranger's wrong passwords must not cut off the owner's scripts.
        return ApiTokenAuthentication.of(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
