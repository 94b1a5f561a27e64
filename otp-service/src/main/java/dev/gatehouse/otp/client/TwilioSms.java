package dev.gatehouse.otp.client;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.config.OtpConfig;
import io.smallrye.mutiny.Uni;

/**
 * Sends text messages through Twilio. Owns the credentials, which failures are worth another try, and the
 * translation of Twilio's errors into {@link DeliveryException}. Connect and read timeouts are the REST client's
 * ({@code quarkus.rest-client.twilio.*-timeout}).
 */
@ApplicationScoped
public class TwilioSms {

    private static final Logger LOG = Logger.getLogger(TwilioSms.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

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
    public Uni<String> send(String to, String body) {
        Uni<TwilioMessage> call = Uni.createFrom()
                .deferred(() -> api.createMessage(config.accountSid(), authorization, form(to, body)));
        if (config.maxRetries() > 0) {
            call = call.onFailure(TwilioSms::worthRetrying)
                    .invoke(failure -> LOG.infof("Twilio call failed, trying again: %s", failure.getMessage()))
                    .onFailure(TwilioSms::worthRetrying).retry()
                    .withBackOff(config.retryBackoff(), MAX_BACKOFF).atMost(config.maxRetries());
        }
        return call.map(TwilioMessage::sid).onFailure().transform(TwilioSms::toDeliveryException);
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
            boolean recipient = twilio.code() != null && RECIPIENT_ERRORS.contains(twilio.code());
            return new DeliveryException(DeliveryAttempt.TWILIO,
                    twilio.code() == null ? String.valueOf(twilio.status()) : String.valueOf(twilio.code()),
                    twilio.getMessage(), recipient, null);
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
