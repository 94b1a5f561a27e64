package dev.gatehouse.auth.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.common.client.PeerUnavailableException;
import dev.gatehouse.common.client.RemoteProblems;
import dev.gatehouse.otp.api.MessagesApi;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.SendMessageRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Sends an email through otp-service, which owns SMTP, delivery records and the per-destination rate limit. The
 * call carries auth-service's own service token ({@code messages:send}). It is not retried: otp-service may have
 * handed the mail to SMTP before the answer was lost, and a duplicate reset email is worse than asking the person to
 * try again. A timeout and a circuit breaker keep an unavailable otp-service from holding requests.
 * <p>
 * Failures come back as {@link dev.gatehouse.common.problem.ApiException}: otp-service's own 4xx (such as 429
 * {@code rate_limited}) unchanged, anything else as 503 {@code otp_service_unavailable} with Retry-After.
 */
@ApplicationScoped
public class EmailGateway {

    public static final String BREAKER = "otp-service-messages";
    private static final String SERVICE = "otp-service";
    private static final String UNAVAILABLE = "otp_service_unavailable";

    private final MessagesApi messages;

    EmailGateway(@RestClient MessagesApi messages) {
        this.messages = messages;
    }

    /** {@code html} is optional; {@code text} is what every mail client can show. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(BREAKER)
    @Fallback(fallbackMethod = "unavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<Void> send(String to, String subject, String text, String html) {
        SendMessageRequest message = new SendMessageRequest(OtpChannel.EMAIL, to, subject, text, html);
        return Uni.createFrom().deferred(() -> messages.send(message))
                .replaceWithVoid()
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }

    Uni<Void> unavailable(String to, String subject, String text, String html) {
        return Uni.createFrom().failure(new PeerUnavailableException(SERVICE, UNAVAILABLE));
    }
}
