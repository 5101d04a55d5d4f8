package ma.tadafor.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;

/** Reads {@code Authorization: Bearer …}; any other header is left to HTTP Basic. */
final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    static Authentication read(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return ApiTokenAuthentication.presented(header.substring(BEARER.length()).strip());
    }
}
