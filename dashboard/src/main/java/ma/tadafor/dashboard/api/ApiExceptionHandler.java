package ma.tadafor.dashboard.api;

import java.util.List;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import ma.tadafor.data.closure.ClosureConflictException;
import tools.jackson.core.JacksonException;

/**
 * Turns bad input into {@code application/problem+json} answers that name the parameter and the
 * reason (API.md): never a 500 for input; a body too large is a 413 naming the limit. It comes
 * before Spring's own problem handler, which would answer the same cases without naming the
 * parameter; it advises every handler, since an upload too large is refused before one is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private final MultipartProperties uploads;

    ApiExceptionHandler(MultipartProperties uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.parameter(), e.getMessage());
    }

    @ExceptionHandler(OutOfScopeException.class)
    ProblemDetail outOfScope(OutOfScopeException e) {
        return problem(HttpStatus.FORBIDDEN, e.parameter(), e.getMessage());
    }

    @ExceptionHandler(ClosureConflictException.class)
    ProblemDetail closureConflict(ClosureConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
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

    /** A constraint of a request record (a list's size, a null in a list), named by its path: {@code links[0]}. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        FieldError first = e.getBindingResult().getFieldError();
        if (first == null) {
            return problem(HttpStatus.BAD_REQUEST, "body", e.getBindingResult().getAllErrors().get(0).getDefaultMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, first.getField(), first.getDefaultMessage());
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ProblemDetail bodyTooLarge(RequestBodyTooLargeException e) {
        return RequestBodyLimit.tooLarge(e);
    }

    /** A body that is not the JSON expected: named by the path Jackson had reached, too large to read, or a list past its bound ({@link BoundedLists}). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException json = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
            if (cause instanceof InvalidParameterException invalid) {
                return invalidParameter(invalid);
            }
            if (json == null && cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                json = jackson;
            }
        }
        return json == null ? problem(HttpStatus.BAD_REQUEST, "body", "not a readable JSON document")
                : problem(HttpStatus.BAD_REQUEST, path(json.getPath()), "not a valid value here");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "an uploaded file may have "
                + uploads.getMaxFileSize().toBytes() + " bytes, a whole upload " + uploads.getMaxRequestSize().toBytes());
        problem.setProperty("limit", uploads.getMaxFileSize().toBytes());
        return problem;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String parameter, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, parameter + ": " + reason);
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
