package ma.tadafor.dashboard.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad input into {@code application/problem+json} answers that name the parameter and the
 * reason (API.md): never a 500 for input. It comes before Spring's own problem handler, which
 * would answer the same cases without naming the parameter.
 */
@RestControllerAdvice(basePackages = "ma.tadafor.dashboard")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.parameter(), e.getMessage());
    }

    @ExceptionHandler(OutOfScopeException.class)
    ProblemDetail outOfScope(OutOfScopeException e) {
        return problem(HttpStatus.FORBIDDEN, e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, e.getName(), "'" + e.getValue() + "' is not a valid " + expected);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getParameterName(), "this parameter is required");
    }

    private static ProblemDetail problem(HttpStatus status, String parameter, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, parameter + ": " + reason);
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
