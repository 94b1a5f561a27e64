package dev.gatehouse.common.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;

/**
 * Translates a failed call to another Gatehouse service into this service's answer.
 * <p>
 * A 4xx problem the caller can act on (a wrong code, a rate limit) is passed through with its code, detail, extra
 * members and Retry-After. Anything else (the other side is down, answers 5xx, refuses our own credentials, did not
 * answer within the fault-tolerance timeout, or its circuit breaker is open) is this service's trouble, not the
 * caller's: it becomes a {@link PeerUnavailableException}, a 503 with {@code unavailableCode} and Retry-After.
 */
public final class RemoteProblems {

    private static final Logger LOG = Logger.getLogger(RemoteProblems.class);
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "code",
            "instance", "errors");

    private RemoteProblems() {
    }

    public static Throwable translate(Throwable failure, String service, String unavailableCode) {
        if (failure instanceof ApiException) {
            return failure;
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            Response response = web.getResponse();
            int status = response.getStatus();
            if (status >= 400 && status < 500 && status != 401 && status != 403) {
                return passThrough(response, status);
            }
            LOG.errorf("%s answered %d", service, status);
        } else if (failure instanceof CircuitBreakerOpenException) {
            LOG.debugf("%s is not called while its circuit breaker is open", service);
        } else if (failure instanceof FaultToleranceException) {
            LOG.errorf("%s did not answer in time: %s", service, failure.getMessage());
        } else if (failure instanceof ProcessingException || isConnectionFailure(failure)) {
            LOG.errorf("%s is unreachable: %s", service, failure.getMessage());
        } else {
            LOG.errorf(failure, "Call to %s failed", service);
        }
        return new PeerUnavailableException(service, unavailableCode);
    }

    @SuppressWarnings("unchecked")
    private static ApiException passThrough(Response response, int status) {
        Map<String, Object> body;
        try {
            response.bufferEntity();
            body = response.readEntity(Map.class);
        } catch (RuntimeException unreadable) {
            body = Map.of();
        }
        String code = body.get("code") instanceof String c ? c : "upstream_rejected";
        String title = body.get("title") instanceof String t ? t
                : Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = body.get("detail") instanceof String d ? d : "The request was refused.";
        Map<String, Object> extensions = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!STANDARD_MEMBERS.contains(name) && value != null) {
                extensions.put(name, value);
            }
        });
        Problem problem = Problem.of(status, code, title, detail).withExtensions(extensions);
        return new ApiException(problem, retryAfter(response));
    }

    private static Duration retryAfter(Response response) {
        String header = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
