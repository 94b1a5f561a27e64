package dev.gatehouse.approval.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.common.client.CallerContext;
import dev.gatehouse.common.client.PeerUnavailableException;
import dev.gatehouse.common.contact.VerifiedContact;
import dev.gatehouse.common.contact.VerifiedContactApi;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * What this service asks auth-service about a requester: the email address and phone number they have verified,
 * copied onto their join request so owners and admins see whom they let in.
 * <p>
 * The call carries this service's own token ({@code contacts:read}, put on by the OIDC client's filter). It is a
 * read, so a failure that may pass (no answer, a timeout, a 5xx, a refusal of our credentials) is retried twice with
 * back-off; it has a timeout and a circuit breaker, and while the breaker is open the answer is 503
 * {@code auth_service_unavailable} with Retry-After at once. auth-service's 404 means the account is gone (its token
 * may still be valid for a moment): 401 {@code account_deleted}, as for a deleted account anywhere in this service.
 */
@ApplicationScoped
public class RequesterContacts {

    public static final String BREAKER = "auth-service-contacts";
    private static final Logger LOG = Logger.getLogger(RequesterContacts.class);

    private final VerifiedContactApi api;

    public RequesterContacts(@RestClient VerifiedContactApi api) {
        this.api = api;
    }

    /** The person's verified email address and phone number; either is null when the person has not verified it. */
    public Uni<VerifiedContact> verifiedContact(UUID userId) {
        return CallerContext.backOn(guardedContact(userId));
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 20, maxDuration = 15_000, retryOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(BREAKER)
    @Fallback(fallbackMethod = "contactUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    Uni<VerifiedContact> guardedContact(UUID userId) {
        return Uni.createFrom().deferred(() -> api.contact(userId))
                .onFailure().transform(failure -> translate(userId, failure));
    }

    Uni<VerifiedContact> contactUnavailable(UUID userId) {
        return Uni.createFrom().failure(unavailable());
    }

    private static ApiException translate(UUID userId, Throwable failure) {
        if (failure instanceof ApiException known) {
            return known;
        }
        if (failure instanceof WebApplicationException answer && answer.getResponse() != null) {
            int status = answer.getResponse().getStatus();
            if (status == 404) {
                return ApiException.unauthorized("account_deleted", "This account has been deleted.");
            }
            LOG.warnf("Could not read the verified contact of %s: auth-service answered %d", userId, status);
        } else {
            LOG.warnf("Could not read the verified contact of %s, auth-service did not answer: %s", userId,
                    failure.toString());
        }
        return unavailable();
    }

    private static PeerUnavailableException unavailable() {
        return new PeerUnavailableException("auth-service", "auth_service_unavailable");
    }
}
