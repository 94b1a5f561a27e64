package dev.gatehouse.otp.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.Message;
import dev.gatehouse.otp.Otp;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for dashboards and alerts: codes sent, delivery failures by provider, verification outcomes, transactional
 * messages.
 */
@ApplicationScoped
public class OtpMetrics {

    private final MeterRegistry registry;

    public OtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void delivery(Otp otp, Delivery.Outcome outcome, boolean resend) {
        registry.counter("gatehouse.otp.deliveries", "channel", otp.channel.name(), "type", otp.type.name(),
                "provider", outcome.provider(), "result", outcome.delivered() ? "sent" : "failed", "resend",
                String.valueOf(resend)).increment();
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
