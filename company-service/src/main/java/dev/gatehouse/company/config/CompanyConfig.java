package dev.gatehouse.company.config;

import java.time.Duration;

import dev.gatehouse.common.config.AtLeastOne;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** company-service settings; deploy/CONFIGURATION.md lists the environment variables behind them. */
@ConfigMapping(prefix = "gatehouse.company")
public interface CompanyConfig {

    RateLimit rateLimit();

    Housekeeping housekeeping();

    /**
     * Fixed-window limits per client IP and per account on what costs money or can be abused in bulk: creating
     * companies (each may ask for an SMS) and sending and confirming verification codes. The request past a limit
     * gets 429 {@code rate_limited} with {@code Retry-After}.
     */
    interface RateLimit {
        /** Off only where a test run needs it; on by default. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT1H")
        Duration window();

        /** Companies created from one IP address per window. */
        @WithDefault("20")
        @WithConverter(AtLeastOne.class)
        int createPerIp();

        /** Companies one account creates per window. */
        @WithDefault("5")
        @WithConverter(AtLeastOne.class)
        int createPerAccount();

        /** Verification codes asked for from one IP address per window. */
        @WithDefault("10")
        @WithConverter(AtLeastOne.class)
        int verificationSendPerIp();

        /** Verification codes one account asks for per window. */
        @WithDefault("5")
        @WithConverter(AtLeastOne.class)
        int verificationSendPerAccount();

        /** Codes typed in from one IP address per window. */
        @WithDefault("30")
        @WithConverter(AtLeastOne.class)
        int verificationConfirmPerIp();

        /** Codes one account types in per window. */
        @WithDefault("20")
        @WithConverter(AtLeastOne.class)
        int verificationConfirmPerAccount();
    }

    interface Housekeeping {
        /** How often ended rate-limit windows are dropped (a scheduler interval such as {@code 15m}). */
        @WithDefault("15m")
        String every();
    }
}
