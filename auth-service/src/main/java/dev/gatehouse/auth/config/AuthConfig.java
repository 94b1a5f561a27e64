package dev.gatehouse.auth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auth-service settings; see deploy/CONFIGURATION.md for the environment variables behind them. */
@ConfigMapping(prefix = "gatehouse")
public interface AuthConfig {

    Jwt jwt();

    Login login();

    PasswordReset passwordReset();

    PasswordHashing passwordHashing();

    /** Where people reach Gatehouse (the gateway), for links sent by email. */
    String publicBaseUrl();

    Housekeeping housekeeping();

    Bootstrap bootstrap();

    /** Service clients allowed to use client credentials, by client id. */
    Map<String, Client> clients();

    interface Jwt {
        /** {@code iss} of every token. */
        String issuer();

        /** {@code aud} of every token. */
        String audience();

        /** A JWK Set of private EC P-256 keys; required unless {@link #generateKeyIfMissing()}. */
        Optional<Path> keysFile();

        /** The key that signs; the other keys in the file are still published for verification. */
        Optional<String> activeKid();

        /** Local and test runs only: make a throw-away signing key when no key file is configured. */
        @WithDefault("false")
        boolean generateKeyIfMissing();

        @WithDefault("PT15M")
        Duration accessTokenTtl();

        @WithDefault("P30D")
        Duration refreshTokenTtl();

        @WithDefault("PT5M")
        Duration serviceTokenTtl();

        /**
         * How long a rotated refresh token may still be presented (two tabs refreshing at once) before a reuse
         * counts as theft and revokes the session.
         */
        @WithDefault("PT10S")
        Duration refreshReuseGrace();
    }

    interface Login {
        /** Consecutive wrong passwords before the account is locked. */
        @WithDefault("5")
        int maxFailedAttempts();

        @WithDefault("PT15M")
        Duration lockDuration();
    }

    /**
     * Argon2id cost for new password hashes. Raising any of them makes each person's next successful login replace
     * their hash with one at the new cost.
     */
    interface PasswordHashing {
        /** Memory per hash in KiB. */
        @WithDefault("19456")
        int argon2MemoryKib();

        /** Passes over the memory. */
        @WithDefault("2")
        int argon2Iterations();

        /** Lanes. */
        @WithDefault("1")
        int argon2Parallelism();
    }

    /** Forgot-password resets (seed 004): how long an emailed link or code lives, and its limits. */
    interface PasswordReset {
        /** How long an emailed reset link can be used. */
        @WithDefault("PT30M")
        Duration linkTtl();

        /** How long an emailed six-digit reset code can be used; short, because six digits are guessable. */
        @WithDefault("PT10M")
        Duration codeTtl();

        /** Wrong codes before a code reset is revoked (stored per reset in {@code max_attempts}). */
        @WithDefault("3")
        int maxAttempts();

        /**
         * Reset emails per address in any hour; further requests are answered like the others and send nothing, so
         * nobody can flood a mailbox through this endpoint.
         */
        @WithDefault("5")
        int maxRequestsPerHour();
    }

    interface Housekeeping {
        /**
         * How long ended sessions, expired refresh tokens and expired password resets are kept (a person can still
         * see a recently ended session; support can still read it) before they are deleted.
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often the job runs (read by its {@code @Scheduled}). */
        @WithDefault("1h")
        String every();

        /** How long after start it first runs. */
        @WithDefault("5m")
        String delay();
    }

    interface Bootstrap {
        /**
         * Email addresses that become platform administrators at their next login, once their owner has verified
         * them ({@code PLATFORM_ADMIN_EMAILS}, comma-separated). Verification is what stops someone from claiming an
         * address on the list by registering it first.
         */
        Optional<java.util.List<String>> platformAdminEmails();
    }

    interface Client {
        /** Without a secret the client cannot obtain tokens. */
        Optional<String> secret();

        /** Roles put in the client's service token. */
        @WithDefault("service")
        java.util.List<String> roles();
    }

}
