package ma.tadafor.dashboard.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import ma.tadafor.dashboard.api.ProblemResponses;

/**
 * The API's answer to a request it cannot authenticate, in problem+json like every refusal: a
 * throttled sign-in is a 429 saying when to come back (a script can wait for it rather than guess),
 * anything else a 401 with the Basic challenge.
 */
class ApiSignInEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ApiSignInEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof SignInThrottledException throttled)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tadafor\"");
            problems.write(response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "sign in: HTTP Basic with your user name and password, or a personal API token as Bearer"));
            return;
        }
        long seconds = throttled.retryAfterSeconds();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "too many failed sign-ins for this account or from this address: try again in " + seconds + " s");
        problem.setProperty("retryAfter", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, problem);
    }
}
