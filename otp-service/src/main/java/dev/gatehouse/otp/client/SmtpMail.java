package dev.gatehouse.otp.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.config.OtpConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends email through the SMTP relay configured under {@code quarkus.mailer.*} (SMTP_HOST, SMTP_PORT, ...). Mail is
 * not retried here: a relay that accepted a message queues and retries it itself, and one that refused it will
 * refuse it again. A timeout bounds the wait for the relay ({@code gatehouse.otp.mail-timeout}), and a circuit breaker
 * stops calling a relay that keeps failing: while it is open a send fails at once as a {@link DeliveryException} with
 * the code {@code circuit_open}.
 */
@ApplicationScoped
public class SmtpMail {

    private final ReactiveMailer mailer;
    private final String from;
    private final Duration timeout;

    public SmtpMail(ReactiveMailer mailer, OtpConfig config) {
        this.mailer = mailer;
        this.from = config.mailFrom();
        this.timeout = config.mailTimeout();
    }

    public static final String BREAKER = "smtp";

    /** Completes when the relay accepted the message for delivery. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @CircuitBreakerName(BREAKER)
    @Fallback(fallbackMethod = "relayUnavailable", applyOn = CircuitBreakerOpenException.class)
    public Uni<Void> send(String to, String subject, String text, String html) {
        Mail mail = Mail.withText(to, subject, text).setHtml(html).setFrom(from);
        // The reactive mailer has no timeout of its own; a relay that accepts the connection and then stalls would
        // otherwise hold the request forever.
        return mailer.send(mail)
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout))
                .onFailure().transform(SmtpMail::toDeliveryException);
    }

    Uni<Void> relayUnavailable(String to, String subject, String text, String html) {
        return Uni.createFrom().failure(new DeliveryException(DeliveryAttempt.SMTP, "circuit_open",
                "The SMTP relay keeps failing; it is not called for a while", false, null));
    }

    private static Throwable toDeliveryException(Throwable failure) {
        if (failure instanceof SMTPException smtp) {
            return new DeliveryException(DeliveryAttempt.SMTP, String.valueOf(smtp.getReplyCode()),
                    "The SMTP relay refused the message: " + smtp.getMessage(), false, failure);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DeliveryException(DeliveryAttempt.SMTP, null, "The SMTP relay could not be used: "
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage()),
                false, failure);
    }
}
