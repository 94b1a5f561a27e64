package dev.gatehouse.otp.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.client.DeliveryException;
import dev.gatehouse.otp.client.SmtpMail;
import dev.gatehouse.otp.client.TwilioSms;
import io.smallrye.mutiny.Uni;

/** Hands a code to the provider of its channel and reports what happened, success or failure, as an item. */
@ApplicationScoped
public class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /** What the provider said: its message id when it took the message, the failure otherwise. */
    public record Outcome(String provider, String providerMessageId, DeliveryException failure) {

        public boolean delivered() {
            return failure == null;
        }
    }

    private final TwilioSms sms;
    private final SmtpMail mail;
    private final OtpMessages messages;

    public Delivery(TwilioSms sms, SmtpMail mail, OtpMessages messages) {
        this.sms = sms;
        this.mail = mail;
        this.messages = messages;
    }

    /** Never fails: a provider failure is an outcome to record, not an error to propagate. */
    public Uni<Outcome> send(Otp otp, String code) {
        Uni<Outcome> sent = switch (otp.channel) {
            case SMS -> sms.send(otp.destination, messages.sms(otp.type, code, otp.locale).body())
                    .map(sid -> new Outcome(DeliveryAttempt.TWILIO, sid, null));
            case EMAIL -> {
                String link = otp.linkTemplate == null ? null : EmailLinks.expand(otp.linkTemplate, otp.id, code);
                OtpMessages.Email email = messages.email(otp.type, code, link, otp.locale);
                yield mail.send(otp.destination, email.subject(), email.text(), email.html())
                        .map(ignored -> new Outcome(DeliveryAttempt.SMTP, null, null));
            }
        };
        String provider = providerOf(otp.channel);
        return sent.onFailure().recoverWithItem(failure -> {
            DeliveryException delivery = failure instanceof DeliveryException known ? known
                    : new DeliveryException(provider, null, "Unexpected failure: " + failure, false, failure);
            // Never the code or the link (its token holds the code), and for a refused destination not the provider's text
            // either: it quotes the number.
            LOG.warnf("Delivery of OTP %s by %s failed (provider code %s)%s", otp.id, provider, delivery.errorCode(),
                    delivery.destinationRejected() ? ": destination refused" : ": " + delivery.getMessage());
            return new Outcome(provider, null, delivery);
        });
    }

    static String providerOf(OtpChannel channel) {
        return switch (channel) {
            case SMS -> DeliveryAttempt.TWILIO;
            case EMAIL -> DeliveryAttempt.SMTP;
        };
    }
}
