package org.frontline.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Turns the application's exceptions into RFC 9457 problem+json answers that say what is wrong. */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {
    /** The title of a 413 answer. */
    public static final String TOO_LARGE = "Payload too large";

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad input", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ServerBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServerBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Server busy", e.getMessage()));
    }

    /** The database went away (restart, failover, network): the request may be retried in a moment. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (RequestBudget.exceeded()) return busy(RequestBudget.overBudget()); // cancelled at the budget's end
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Database unavailable",
                        "the database is unavailable for a moment; try again in 5 s"));
    }

    /** A statement stopped because its request ran over its time budget: the same 503 as a busy server. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> stoppedStatement(DataAccessException e) {
        if (RequestBudget.exceeded()) return busy(RequestBudget.overBudget());
        throw e; // not handled here: answered as before
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Bad input",
                "the multipart body cannot be read: "
                        + (e.getMostSpecificCause().getMessage()));
    }

    /** Says what could not be read (Spring's default answer is only "Failed to read request"). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST, "Bad input", "the request body cannot be read: " + unreadable(e)));
    }

    /** What is wrong with an unreadable JSON body, naming the field (not the JSON library's types or positions). */
    public static String unreadable(Throwable e) {
        JacksonException j = null;
        for (Throwable t = e; t != null && j == null; t = t.getCause() == t ? null : t.getCause()) {
            j = t instanceof JacksonException x ? x : null;
        }
        if (j == null) {
            String m = e.getMessage();
            return m == null ? "it is empty or malformed" : (m.length() > 200 ? m.substring(0, 200) + "…" : m);
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        String what;
        if (j instanceof InputCoercionException) {
            what = "is a number out of range";
        } else if (j instanceof MismatchedInputException) {
            what = "has the wrong type or format";
        } else if (j instanceof StreamReadException) {
            return "it is not valid JSON (" + firstLine(j.getOriginalMessage()) + ")";
        } else {
            what = "cannot be read";
        }
        return field.isEmpty() ? "a value " + what : "field '" + field + "' " + what;
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        line = line.replaceAll("`[A-Za-z0-9_.$]+`", "").replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /**
     * Writes a problem+json answer straight to the response, for the filters that answer before Spring MVC
     * (the body size limit, the security rules); the same fields as the answers above.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
