package ma.tadafor.dashboard.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer to a request it cannot authenticate: a throttled sign-in is a 429 saying when
 * to come back (a script can wait for it rather than guess), anything else the usual Basic 401.
 */
class ApiSignInEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    private final JsonMapper json;

    ApiSignInEntryPoint(JsonMapper json) {
        this.json = json;
        basic.setRealmName("Tadafor");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof SignInThrottledException throttled)) {
            basic.commence(request, response, failure);
            return;
        }
        long seconds = throttled.retryAfterSeconds();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "too many failed sign-ins for this account or from this address: try again in "
                + seconds + " s");
        problem.put("retryAfter", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
