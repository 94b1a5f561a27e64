package dev.gatehouse.common.client;

import java.time.Duration;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;

/**
 * Another service could not give a usable answer: it did not answer in time, refused the connection, answered 5xx,
 * refused this service's own credentials, or its circuit breaker is open. The caller gets 503 with Retry-After.
 * <p>
 * Circuit breakers count this failure and retries of idempotent calls try again on it, while a 4xx answer the
 * caller can act on (a wrong code, a rate limit) is a plain {@link ApiException}: it says the other service works.
 */
public class PeerUnavailableException extends ApiException {

    /** Long enough for a breaker to half-open or a paused peer to come back, short enough for a person to wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public PeerUnavailableException(String service, String code) {
        super(Problem.of(503, code, "Service Unavailable",
                service + " cannot be reached right now. Try again shortly."), RETRY_AFTER);
    }
}
