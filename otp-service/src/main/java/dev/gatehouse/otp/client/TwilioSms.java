package dev.gatehouse.otp.client;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.config.OtpConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;

/**
 * Sends text messages through Twilio. Owns the credentials, the fault tolerance of the call and the translation of
 * Twilio's errors into {@link DeliveryException}.
 * <p>
 * Only failures after which Twilio certainly did not queue the message are retried ({@link WorthRetrying}), twice
 * with exponential back-off; each try has a timeout. A circuit breaker opens when most recent sends failed for
 * Twilio's reasons (a refused destination is the caller's, and does not count): while it is open no call is made and
 * the send fails at once as a {@link DeliveryException} with the provider code {@code unavailable} (as after a
 * timeout). Limits can be
 * tuned with the MicroProfile Fault Tolerance keys, e.g. {@code dev.gatehouse.otp.client.TwilioSms/send/Retry/maxRetries}.
 */
@ApplicationScoped
public class TwilioSms {

    public static final String BREAKER = "twilio";
    private static final Logger LOG = Logger.getLogger(TwilioSms.class);

    /**
     * Twilio errors that are about the recipient, not about us or Twilio: invalid number (21211), unverified
     * number on a trial account (21608), unsubscribed (21610), unroutable (21612), not SMS-capable (21614),
     * no permission for the region (21408).
     */
    private static final Set<Integer> RECIPIENT_ERRORS = Set.of(21211, 21408, 21608, 21610, 21612, 21614);

    private final TwilioApi api;
    private final OtpConfig.Twilio config;
    private final String authorization;

    public TwilioSms(@RestClient TwilioApi api, OtpConfig config) {
        this.api = api;
        this.config = config.twilio();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (this.config.accountSid() + ":" + this.config.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} to {@code to} (E.164); the item is Twilio's message sid. */
    @Retry(maxRetries = 2, delay = 200, jitter = 50, maxDuration = 20_000)
    @RetryWhen(exception = WorthRetrying.class)
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, skipOn = DestinationRejectedException.class)
    @CircuitBreakerName(BREAKER)
    @Fallback(fallbackMethod = "twilioUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<String> send(String to, String body) {
        return Uni.createFrom().deferred(() -> api.createMessage(config.accountSid(), authorization, form(to, body)))
                .map(TwilioMessage::sid).onFailure().transform(TwilioSms::toDeliveryException);
    }

    Uni<String> twilioUnavailable(String to, String body) {
        return Uni.createFrom().failure(new DeliveryException(DeliveryAttempt.TWILIO, "unavailable",
                "Twilio did not answer in time or keeps failing; it is not called for a while", false, null));
    }

    /** For {@code @RetryWhen}: only a failure after which Twilio certainly did not queue the message. */
    public static final class WorthRetrying implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            boolean again = failure instanceof DeliveryException delivery && worthRetrying(delivery.getCause());
            if (again) {
                LOG.infof("Twilio did not take the message, trying again: %s", failure.getMessage());
            }
            return again;
        }
    }

    private MultivaluedMap<String, String> form(String to, String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("To", to);
        // A Messaging Service picks the sender from its pool; otherwise From is the number itself.
        form.add(config.from().startsWith("MG") ? "MessagingServiceSid" : "From", config.from());
        form.add("Body", body);
        return form;
    }

    /**
     * Only failures after which Twilio certainly did not queue the message: a refused connection, 429 and 503
     * (Twilio: "retry after the Retry-After interval"). A 500 or a read timeout may hide a queued message, and a
     * second SMS with a different code would only confuse the person.
     */
    static boolean worthRetrying(Throwable failure) {
        if (failure == null) {
            return false;
        }
        if (failure instanceof TwilioApiException twilio) {
            return twilio.status() == 429 || twilio.status() == 503;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable toDeliveryException(Throwable failure) {
        if (failure instanceof TwilioApiException twilio) {
            String code = twilio.code() == null ? String.valueOf(twilio.status()) : String.valueOf(twilio.code());
            if (twilio.code() != null && RECIPIENT_ERRORS.contains(twilio.code())) {
                return new DestinationRejectedException(DeliveryAttempt.TWILIO, code, twilio.getMessage());
            }
            return new DeliveryException(DeliveryAttempt.TWILIO, code, twilio.getMessage(), false, twilio);
        }
        return new DeliveryException(DeliveryAttempt.TWILIO, null,
                "Twilio could not be reached: " + describe(failure), false, failure);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
