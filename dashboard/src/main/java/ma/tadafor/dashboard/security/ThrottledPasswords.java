package ma.tadafor.dashboard.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user's password (HTTP Basic and the login form) only once the {@link SignInThrottle}
 * admits it, and tells the throttle the outcome; the waits a failure starts are audited.
 */
class ThrottledPasswords implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInEvents events;

    ThrottledPasswords(AuthenticationProvider passwords, SignInThrottle throttle, SignInEvents events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignInThrottle.Admission admission = throttle.admit(authentication.getName(), address);
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException e) {
            throttle.failed(admission).forEach(events::throttled);
            throw e;
        } catch (RuntimeException e) {
            throttle.abandoned(admission);
            throw e;
        }
        throttle.succeeded(admission);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
