package ma.tadafor.dashboard.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where signing in lands. A page that was asked for (the session had expired, a link was
 * followed) opens, so that what was being done goes on; otherwise a governor lands on his home
 * page, the committee to prepare, and every other role on the overview. The site's root counts as
 * no page in particular: it is where a governor who types the address starts.
 */
final class Landing extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String GOVERNOR_HOME = "/home";

    private final RequestCache requests = new HttpSessionRequestCache();

    Landing() {
        setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SavedRequest asked = requests.getRequest(request, response);
        if (governor(authentication) && asked != null && "/".equals(URI.create(asked.getRedirectUrl()).getPath())) {
            requests.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        return governor(authentication) ? GOVERNOR_HOME : super.determineTargetUrl(request, response, authentication);
    }

    private static boolean governor(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(authority -> "ROLE_GOVERNOR".equals(authority.getAuthority()));
    }
}
