package dev.gatehouse.otp.config;

import java.time.Duration;
import java.util.List;

import dev.gatehouse.common.config.AtLeastOne;
import dev.gatehouse.common.config.NotBlank;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
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
    @WithConverter(OtpConverters.HashKey.class)
    String hashKey();

    /** Digits per code. */
    @WithDefault("6")
    @WithConverter(OtpConverters.CodeLength.class)
    int codeLength();

    /** How long a code is accepted after it was (re)sent. */
    @WithDefault("PT10M")
    Duration ttl();

    /** Wrong codes allowed before the code locks. */
    @WithDefault("5")
    @WithConverter(AtLeastOne.class)
    int maxAttempts();

    /** Minimum wait between two messages for the same destination and type (a resend or a new code). */
    @WithDefault("PT60S")
    Duration resendCooldown();

    /**
     * Sender of every email; {@code quarkus.mailer.from} ({@code MAIL_FROM}) by default. Required, so a missing
     * sender stops the start instead of every mail being refused later.
     */
    @WithConverter(NotBlank.class)
    String mailFrom();

    /** How long the SMTP relay may take to accept a message. */
    @WithDefault("PT15S")
    Duration mailTimeout();

    RateLimit rateLimit();

    Messages messages();

    Twilio twilio();

    Sms sms();

    LifetimeCap lifetimeCap();

    Housekeeping housekeeping();

    /** Fixed-window limit on messages per destination, across all types. */
    interface RateLimit {
        /** Messages one destination may receive per window. */
        @WithDefault("5")
        @WithConverter(AtLeastOne.class)
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
        @WithConverter(AtLeastOne.class)
        int perDestination();

        @WithDefault("PT1H")
        Duration window();
    }

    /** Where SMS may go and how many may go out: the budgets that stand between callers and the SMS bill. */
    interface Sms {
        /**
         * Country calling codes (without the plus) that SMS may be sent to; a number whose calling code is not listed
         * is refused with 422 {@code destination_not_allowed} before anything is written or sent. Kenya ({@code 254})
         * by default: the market Gatehouse serves; every other country is one more place toll fraud can pump texts
         * to, so each must be listed on purpose.
         */
        @WithDefault("254")
        List<@WithConverter(OtpConverters.CountryCallingCode.class) String> allowedCountryCodes();

        Budget budget();

        /**
         * Fixed-window budgets of SMS codes (new and resent), each counted apart and all checked before a code is
         * stored: the request past any of them gets 429 {@code rate_limited} and nothing is sent or written.
         */
        interface Budget {
            /** Off only where a test run needs it; on by default. */
            @WithDefault("true")
            boolean enabled();

            @WithDefault("PT1H")
            Duration window();

            /** SMS per subject (the user or company a code is about) per window. */
            @WithDefault("10")
            @WithConverter(AtLeastOne.class)
            int perSubject();

            /** SMS per end-user IP address, when the caller passes it, per window. */
            @WithDefault("10")
            @WithConverter(AtLeastOne.class)
            int perIp();

            /** SMS per destination country calling code per window. */
            @WithDefault("1000")
            @WithConverter(AtLeastOne.class)
            int perCountry();

            /** SMS in all per window. */
            @WithDefault("3000")
            @WithConverter(AtLeastOne.class)
            int global();
        }
    }

    /**
     * Wrong codes counted per destination and type across every code and resend: past the cap the destination and
     * type lock, whatever new codes are issued, so resending cannot buy unlimited guesses.
     */
    interface LifetimeCap {
        /** Off only where a test run needs it; on by default. */
        @WithDefault("true")
        boolean enabled();

        /** Wrong codes in one window that lock the destination and type. */
        @WithDefault("10")
        @WithConverter(AtLeastOne.class)
        int maxWrongCodes();

        @WithDefault("PT24H")
        Duration window();

        /** How long the lock lasts. */
        @WithDefault("PT1H")
        Duration lockDuration();
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
