package dev.gatehouse.otp.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.ratelimit.FixedWindowLimiter;
import dev.gatehouse.common.ratelimit.RateLimit;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.config.OtpConfig;
import io.smallrye.mutiny.Uni;

/**
 * otp-service's limits, counted by the shared {@link FixedWindowLimiter} in {@code otp_rate_limits}. Runs inside
 * the caller's transaction (its connection is passed in): a refused request rolls its own increments back, so the counters tell
 * how many messages
 * were really sent, and a refusal leaves nothing behind.
 * <p>
 * Every code counts against its destination ({@code destination:}); SMS codes also against the SMS budgets: per
 * subject ({@code sms-subject:}), per end-user IP ({@code sms-ip:}, when the caller passed it), per destination
 * country ({@code sms-country:}) and in all ({@code sms-global}). Transactional messages count under
 * {@code message:} with a limit of their own.
 */
@ApplicationScoped
public class RateLimiter {

    static final String TABLE = "otp_rate_limits";

    private final FixedWindowLimiter limiter = new FixedWindowLimiter(TABLE);
    private final RateLimit codes;
    private final RateLimit messages;
    private final boolean smsBudgets;
    private final RateLimit smsPerSubject;
    private final RateLimit smsPerIp;
    private final RateLimit smsPerCountry;
    private final RateLimit smsGlobal;

    public RateLimiter(OtpConfig config) {
        this.codes = new RateLimit("destination_hourly", config.rateLimit().perDestination(),
                config.rateLimit().window(), "This destination has received too many codes; try again later.");
        this.messages = new RateLimit("message_destination", config.messages().perDestination(),
                config.messages().window(), "This destination has received too many messages; try again later.");
        OtpConfig.Sms.Budget budget = config.sms().budget();
        this.smsBudgets = budget.enabled();
        this.smsPerSubject = new RateLimit("sms_subject", budget.perSubject(), budget.window(),
                "Too many text messages were sent for this account; try again later.");
        this.smsPerIp = new RateLimit("sms_ip", budget.perIp(), budget.window(),
                "Too many text messages were asked for from this address; try again later.");
        this.smsPerCountry = new RateLimit("sms_country", budget.perCountry(), budget.window(),
                "Text messages to this country are paused for now; try again later.");
        this.smsGlobal = new RateLimit("sms_global", budget.global(), budget.window(),
                "Text messages are paused for now; try again later.");
    }

    /**
     * Counts one code (new or resent) against its destination's limit and, for SMS, against every SMS budget;
     * 429 {@code rate_limited} naming the first limit it is over. {@code subjectId} and {@code clientIp} may be
     * {@code null}; {@code country} is the destination's calling code (SMS only).
     */
    public Uni<Void> consumeCode(Transaction transaction, OtpChannel channel, String destination, UUID subjectId,
            String clientIp, String country, OffsetDateTime now) {
        List<RateLimit.Charge> charges = new ArrayList<>();
        charges.add(codes.of("destination:" + destination));
        if (channel == OtpChannel.SMS && smsBudgets) {
            if (subjectId != null) {
                charges.add(smsPerSubject.of("sms-subject:" + subjectId));
            }
            if (clientIp != null) {
                charges.add(smsPerIp.of("sms-ip:" + clientIp.toLowerCase(Locale.ROOT)));
            }
            charges.add(smsPerCountry.of("sms-country:" + country));
            charges.add(smsGlobal.of("sms-global"));
        }
        return limiter.consumeAll(transaction, charges, now);
    }

    /** Counts one transactional message to {@code destination}; 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeTransactional(Transaction transaction, String destination, OffsetDateTime now) {
        return limiter.consume(transaction, messages.of("message:" + destination), now);
    }

    /** Drops the windows that started before {@code cutoff}. */
    public Uni<Integer> deleteWindowsBefore(Sql sql, OffsetDateTime cutoff) {
        return limiter.deleteWindowsBefore(sql, cutoff);
    }

    /** The longest window of any limit counted here; only windows older than it have certainly ended. */
    public Duration longestWindow() {
        return List.of(codes.window(), messages.window(), smsGlobal.window()).stream().max(Duration::compareTo)
                .orElseThrow();
    }

    /** 429 {@code rate_limited}; {@code limit} tells a caller which limit it ran into. */
    static ApiException rateLimited(String detail, Duration retryAfter, String limit) {
        return FixedWindowLimiter.rateLimited(detail, retryAfter, limit);
    }
}
