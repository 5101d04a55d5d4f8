package ma.tadafor.dashboard.security;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A form sent after its session expired (its CSRF token belongs to the old session) sends to
 * sign-in rather than to "access refused", and signing in again leads back to the form's page,
 * where {@code js/forms.js} fills in what had been typed ({@code #kept}). A page opened by GET
 * comes back through Spring Security's saved request, as ever. Only a path of this site is
 * followed after sign-in, never another site.
 */
final class ExpiredSessionForms {

    static final String CONTINUE = "continue";

    private ExpiredSessionForms() {
    }

    /** Refusals on the pages: an expired form to sign-in, anything else the error page (403). */
    static AccessDeniedHandler refusals() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException && !signedIn()) {
                String form = formPage(request);
                response.sendRedirect(request.getContextPath() + "/login?expired"
                        + (form == null ? "" : "&" + CONTINUE + "=" + URLEncoder.encode(form, StandardCharsets.UTF_8)));
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }

    /** After sign-in: back to the form of an expired session, else where {@code otherwise} lands. */
    static AuthenticationSuccessHandler afterSignIn(AuthenticationSuccessHandler otherwise) {
        RedirectStrategy redirects = new DefaultRedirectStrategy();
        return (request, response, authentication) -> {
            String form = request.getParameter(CONTINUE);
            if (form != null && localPath(form)) {
                new HttpSessionRequestCache().removeRequest(request, response);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
                }
                redirects.sendRedirect(request, response, form + "#kept");
                return;
            }
            otherwise.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The page the form was on (its Referer), when it is a page of this site. */
    private static String formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName()) || uri.getPort() != request.getServerPort()) {
                return null;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return localPath(path) ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A path on this site: one slash, no scheme, no backslash that a browser would read as one. */
    private static boolean localPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && !path.startsWith("/login")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
