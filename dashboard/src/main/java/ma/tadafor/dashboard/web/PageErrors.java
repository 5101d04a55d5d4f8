package ma.tadafor.dashboard.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;

/**
 * A page opened in the browser that refuses its request (a wrong scope, a territory out of the
 * reader's scope, a bad parameter) answers with the error page in the reader's language
 * ({@code templates/error.html}) rather than the API's problem+json, which stays the answer of
 * the API and of what the pages' scripts fetch as JSON. Anything else goes on to the API's handlers.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception refusal) {
        HttpStatus status = status(refusal);
        if (status == null || !pageNavigation(request)) {
            return null;
        }
        try {
            response.sendError(status.value());
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    /** A browser's navigation to a page: not the API, and asking for HTML. */
    static boolean pageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static HttpStatus status(Exception refusal) {
        if (refusal instanceof InvalidParameterException || refusal instanceof MethodArgumentTypeMismatchException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refusal instanceof OutOfScopeException) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof ErrorResponse answered) {
            return HttpStatus.resolve(answered.getStatusCode().value());
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
