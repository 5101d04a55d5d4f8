package ma.tadafor.dashboard.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a page's upload past the multipart limits with the error page (413) in the reader's
 * language. Security reads the form's CSRF token from the upload, before any handler: Tomcat's
 * parsing failed there, and every later reading of a parameter (the page's {@code lang} among
 * them) failed again, so the browser got an empty 413. The upload is parsed here first, and a
 * refused one is answered by forwarding a view of the request without its body ({@link Refused}).
 * The API's uploads are parsed after authentication, where {@code ApiExceptionHandler} answers
 * problem+json naming the limit.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UploadBounds extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || !PageErrors.pageNavigation(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (withinLimits(request)) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        request.getRequestDispatcher("/error").forward(new Refused(request), response);
    }

    /** Parses the upload's parts: Tomcat fails the parsing with an {@link IllegalStateException} past a limit. */
    private static boolean withinLimits(HttpServletRequest request) throws IOException {
        try {
            request.getParts();
            return true;
        } catch (IllegalStateException e) {
            return false;
        } catch (ServletException e) {
            // Not a readable multipart body: the handler refuses it as it would have without this filter.
            return true;
        }
    }

    /** A refused upload as its error page reads it: a GET of its address, with the parameters of its query only. */
    private static final class Refused extends HttpServletRequestWrapper {

        private final Map<String, String[]> query;

        Refused(HttpServletRequest request) {
            super(request);
            Map<String, List<String>> values = new LinkedHashMap<>();
            String queryString = request.getQueryString();
            if (queryString != null) {
                for (String pair : queryString.split("&")) {
                    String[] parts = pair.split("=", 2);
                    String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                    String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            values.forEach((name, given) -> parameters.put(name, given.toArray(String[]::new)));
            query = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = query.get(name);
            return values == null ? null : values.clone();
        }
    }
}
