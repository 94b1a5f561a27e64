package dev.gatehouse.common.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failure a client caused or must react to, carrying the problem it is answered with.
 * <p>
 * Services throw it (or return it in a failed {@code Uni}) with a stable code from API.md; the shared mapper turns
 * it into {@code application/problem+json}. It never carries a stack trace to the client.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    public ApiException(Problem problem, Duration retryAfter) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** The wait to announce in {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(Problem.of(400, code, "Bad Request", detail));
    }

    public static ApiException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    /** 400 {@code validation_failed} listing every rejected field, as a failed bean validation is answered. */
    public static ApiException invalidFields(List<FieldError> errors) {
        return new ApiException(Problem.of(400, "validation_failed", "Bad Request", "The request has invalid fields.")
                .withErrors(errors));
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(Problem.of(401, code, "Unauthorized", detail));
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(Problem.of(403, code, "Forbidden", detail));
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(Problem.of(404, code, "Not Found", detail));
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(Problem.of(409, code, "Conflict", detail));
    }

    public static ApiException gone(String code, String detail) {
        return new ApiException(Problem.of(410, code, "Gone", detail));
    }

    public static ApiException unprocessable(String code, String detail, Map<String, Object> extensions) {
        return new ApiException(Problem.of(422, code, "Unprocessable Content", detail).withExtensions(extensions));
    }

    public static ApiException locked(String code, String detail) {
        return new ApiException(Problem.of(423, code, "Locked", detail));
    }

    public static ApiException tooManyRequests(String code, String detail, Duration retryAfter) {
        return new ApiException(Problem.of(429, code, "Too Many Requests", detail), retryAfter);
    }

    public static ApiException unavailable(String code, String detail) {
        return new ApiException(Problem.of(503, code, "Service Unavailable", detail));
    }
}
