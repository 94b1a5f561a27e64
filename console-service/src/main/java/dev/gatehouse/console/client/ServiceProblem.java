package dev.gatehouse.console.client;

import java.util.List;

/**
 * A Gatehouse service answered with a problem (RFC 9457), or did not answer at all. The console turns it into a
 * readable sentence on the page; it never shows the raw body.
 *
 * @see ProblemReader
 */
public class ServiceProblem extends RuntimeException {

    /** The code used when a service cannot be reached or answered something that is not a problem document. */
    public static final String UNAVAILABLE = "service_unavailable";

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;
    private final Integer remainingAttempts;

    public ServiceProblem(int status, String code, String detail, List<FieldError> errors,
            Integer remainingAttempts) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.remainingAttempts = remainingAttempts;
    }

    public static ServiceProblem unavailable(String detail) {
        return new ServiceProblem(503, UNAVAILABLE, detail, List.of(), null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Integer remainingAttempts() {
        return remainingAttempts;
    }

    /** The access token was not accepted: the Gatehouse session has ended. */
    public boolean unauthenticated() {
        return status == 401;
    }

    /** One invalid field, as the services name it. */
    public record FieldError(String field, String message) {
    }
}
