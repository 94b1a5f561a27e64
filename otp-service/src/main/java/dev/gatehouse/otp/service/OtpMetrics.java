package dev.gatehouse.otp.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.Message;
import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.api.OtpChannel;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for dashboards and alerts: codes sent, SMS sent by destination country, delivery failures by provider, verification
 * outcomes, transactional
 * messages.
 */
@ApplicationScoped
public class OtpMetrics {

    private final MeterRegistry registry;

    public OtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One code handed to (or refused by) its provider. {@code country} is the SMS destination's calling code, for
     * {@code gatehouse.otp.sms.sent}: a sudden rise for one country is how SMS pumping shows.
     */
    public void delivery(Otp otp, Delivery.Outcome outcome, boolean resend, String country) {
        registry.counter("gatehouse.otp.deliveries", "channel", otp.channel.name(), "type", otp.type.name(),
                "provider", outcome.provider(), "result", outcome.delivered() ? "sent" : "failed", "resend",
                String.valueOf(resend)).increment();
        if (otp.channel == OtpChannel.SMS && outcome.delivered()) {
            registry.counter("gatehouse.otp.sms.sent", "country", country == null ? "other" : country).increment();
        }
    }

    /** One transactional message handed to (or refused by) its provider. */
    public void message(Message message) {
        registry.counter("gatehouse.otp.messages", "channel", message.channel.name(), "result",
                message.status == Message.Status.SENT ? "sent" : "failed").increment();
    }

    /** {@code outcome}: verified, invalid, locked, expired, used, revoked. */
    public void verification(String outcome) {
        registry.counter("gatehouse.otp.verifications", "outcome", outcome).increment();
    }
}
