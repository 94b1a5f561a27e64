package dev.gatehouse.otp.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.Message;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.client.DeliveryException;
import dev.gatehouse.otp.client.SmtpMail;
import dev.gatehouse.otp.repository.MessageRepository;
import io.smallrye.mutiny.Uni;

/**
 * Transactional messages that other services write themselves (auth-service's password-reset mail, for example),
 * delivered through the same SMTP relay as the codes.
 * <p>
 * Like issuing a code, sending runs in two short steps around the provider call, so no database connection
 * waits on SMTP: the first counts the message against the destination's limit, the second records the outcome. A
 * message the relay refused still counts: the limit bounds what a caller may try, not only what arrived.
 */
@ApplicationScoped
public class MessageService {

    private static final Logger LOG = Logger.getLogger(MessageService.class);

    /** What a caller asks to send, as it came in; {@link #send} checks and normalises it. */
    public record Outgoing(OtpChannel channel, String to, String subject, String text, String html) {
    }

    private final Database database;
    private final MessageRepository messages;
    private final RateLimiter rateLimiter;
    private final SmtpMail mail;
    private final OtpMetrics metrics;

    public MessageService(Database database, MessageRepository messages, RateLimiter rateLimiter, SmtpMail mail,
            OtpMetrics metrics) {
        this.database = database;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.mail = mail;
        this.metrics = metrics;
    }

    /** Delivers one message and records it; fails with 429 over the limit and 502 when the relay did not take it. */
    public Uni<Message> send(Outgoing request) {
        Outgoing message = checked(request);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        return database.inTransaction(tx -> rateLimiter.consumeTransactional(tx, message.to(), now))
                .chain(() -> deliver(id, message))
                .flatMap(failure -> record(id, message, failure, now)
                        .invoke(metrics::message)
                        .map(stored -> {
                            if (failure != null) {
                                throw OtpProblems.messageNotDelivered(failure);
                            }
                            return stored;
                        }));
    }

    /**
     * SMS is refused for now: a text has no subject, costs money per segment, and no caller needs one yet; codes by
     * SMS go through {@code POST /otp}.
     */
    private static Outgoing checked(Outgoing request) {
        if (request.channel() != OtpChannel.EMAIL) {
            throw ApiException.invalidField("channel",
                    "only EMAIL messages are supported; send codes by SMS through POST /otp");
        }
        if (request.html() != null && request.html().isBlank()) {
            throw ApiException.invalidField("html", "must not be blank when given");
        }
        String to = Destinations.normalize(OtpChannel.EMAIL, request.to(), "to");
        return new Outgoing(request.channel(), to, request.subject().strip(), request.text(), request.html());
    }

    /** Never fails: the item is {@code null} when the relay took the message, the reason otherwise. */
    private Uni<DeliveryException> deliver(UUID id, Outgoing message) {
        return mail.send(message.to(), message.subject(), message.text(), message.html())
                .<DeliveryException> map(sent -> null)
                .onFailure().recoverWithItem(failure -> {
                    DeliveryException known = failure instanceof DeliveryException delivery ? delivery
                            : new DeliveryException(DeliveryAttempt.SMTP, null, "Unexpected failure: " + failure,
                                    false, failure);
                    // The id and the relay's reason only: the body may hold a secret link.
                    LOG.warnf("Delivery of message %s by %s failed (provider code %s): %s", id, known.provider(),
                            known.errorCode(), known.getMessage());
                    return known;
                });
    }

    private Uni<Message> record(UUID id, Outgoing outgoing, DeliveryException failure, OffsetDateTime now) {
        Message message = new Message();
        message.id = id;
        message.channel = outgoing.channel();
        message.destination = outgoing.to();
        message.subject = outgoing.subject();
        message.createdAt = now;
        message.status = failure == null ? Message.Status.SENT : Message.Status.FAILED;
        message.error = failure == null ? null : truncate(failure.getMessage(), 1000);
        return messages.insert(database, message);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
