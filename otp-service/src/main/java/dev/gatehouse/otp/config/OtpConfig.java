package dev.gatehouse.otp.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * otp-service settings; deploy/CONFIGURATION.md lists the environment variables behind them. Everything but the
 * secrets has a default that matches the README.
 */
@ConfigMapping(prefix = "gatehouse.otp")
public interface OtpConfig {

    /**
     * HMAC-SHA256 key the codes are hashed with ({@code OTP_HASH_KEY}). Changing it invalidates every code in flight.
     * At least 32 characters, so it cannot be guessed offline from a leaked row.
     */
    @NotBlank
    @Size(min = 32)
    String hashKey();

    /** Digits per code. */
    @WithDefault("6")
    @Min(4)
    @Max(10)
    int codeLength();

    /** How long a code is accepted after it was (re)sent. */
    @WithDefault("PT10M")
    Duration ttl();

    /** Wrong codes allowed before the code locks. */
    @WithDefault("5")
    @Min(1)
    int maxAttempts();

    /** Minimum wait between two messages for the same destination and type (a resend or a new code). */
    @WithDefault("PT60S")
    Duration resendCooldown();

    /**
     * Sender of every email; {@code quarkus.mailer.from} ({@code MAIL_FROM}) by default. Required, so a missing
     * sender stops the start instead of every mail being refused later.
     */
    @NotBlank
    String mailFrom();

    /** How long the SMTP relay may take to accept a message. */
    @WithDefault("PT15S")
    Duration mailTimeout();

    RateLimit rateLimit();

    Messages messages();

    Twilio twilio();

    Housekeeping housekeeping();

    /** Fixed-window limit on messages per destination, across all types. */
    interface RateLimit {
        /** Messages one destination may receive per window. */
        @WithDefault("5")
        @Min(1)
        int perDestination();

        @WithDefault("PT1H")
        Duration window();
    }

    /**
     * Transactional messages (POST /messages). Their limit is counted apart from the codes' limit, so a burst of
     * password-reset mails cannot stop an address from receiving its verification code, nor the other way round.
     */
    interface Messages {
        /** Messages one destination may receive per window. */
        @WithDefault("10")
        @Min(1)
        int perDestination();

        @WithDefault("PT1H")
        Duration window();
    }

    /** Twilio's Messages API; the base URL is {@code quarkus.rest-client.twilio.url}. */
    interface Twilio {
        /** {@code TWILIO_ACCOUNT_SID}. */
        String accountSid();

        /** {@code TWILIO_AUTH_TOKEN}. */
        String authToken();

        /** {@code SMS_FROM}: an E.164 sender number, or a Messaging Service sid (MG...). */
        String from();
    }

    interface Housekeeping {
        /** How often the housekeeping job runs (a scheduler interval such as {@code 5m}). */
        @WithDefault("5m")
        String every();

        /** Wait after start-up before the first run. */
        @WithDefault("1m")
        String delay();

        /** How long finished codes and their delivery records are kept. */
        @WithDefault("P30D")
        Duration retention();
    }
}
