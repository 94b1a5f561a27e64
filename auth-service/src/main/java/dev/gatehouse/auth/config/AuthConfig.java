package dev.gatehouse.auth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auth-service settings; see deploy/CONFIGURATION.md for the environment variables behind them. */
@ConfigMapping(prefix = "gatehouse")
public interface AuthConfig {

    Jwt jwt();

    Login login();

    Hashing hashing();

    RateLimits rateLimit();

    PasswordReset passwordReset();

    PasswordHashing passwordHashing();

    /** Where people reach Gatehouse (the gateway), for links sent by email. */
    String publicBaseUrl();

    Housekeeping housekeeping();

    Bootstrap bootstrap();

    /** Service clients allowed to use client credentials, by client id. */
    Map<String, Client> clients();

    Outbox outbox();

    RevocationFeed revocationFeed();

    /** The outbox relay, which delivers events (such as user-deleted) to other services until they acknowledge. */
    interface Outbox {
        /** How often the relay runs (read by its {@code @Scheduled}). */
        @WithDefault("1s")
        String every();

        /** How long after start it first runs. */
        @WithDefault("1s")
        String delay();

        /** Events claimed per run. */
        @WithDefault("20")
        int batchSize();

        /**
         * How long a claimed event is reserved for the run that claimed it; longer than a delivery can take
         * (connect plus read timeout), so a slow delivery is never repeated while it is still under way.
         */
        @WithDefault("PT30S")
        Duration lease();

        /** The wait after the first failed delivery; it doubles with each failure up to {@link #maxBackoff()}. */
        @WithDefault("PT1S")
        Duration firstBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** How long acknowledged events are kept before housekeeping deletes them. */
        @WithDefault("P7D")
        Duration retention();
    }

    /** {@code GET /internal/revocations}: revoked sessions and deleted accounts, for the other services. */
    interface RevocationFeed {
        /**
         * How far before the caller's cursor the feed reads again. A revocation is stamped when its statement runs
         * but seen only when its transaction commits; re-reading this window catches one that committed late.
         */
        @WithDefault("PT1M")
        Duration overlap();

        /** Most revocations in one answer; a caller that gets this many asks again from the last one. */
        @WithDefault("5000")
        int maxEntries();
    }

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

        /**
         * The idle lifetime of a session: a session whose refresh token is not used for this long ends. Every refresh
         * starts it again, up to {@link #sessionMaxLifetime()}.
         */
        @WithDefault("P30D")
        Duration refreshTokenTtl();

        /** The absolute lifetime of a session: it ends this long after sign-in, however often it is refreshed. */
        @WithDefault("P30D")
        Duration sessionMaxLifetime();

        @WithDefault("PT5M")
        Duration serviceTokenTtl();

        /**
         * How long a rotated refresh token may still be presented (two tabs refreshing at once) before a reuse
         * counts as theft and revokes the session.
         */
        @WithDefault("PT10S")
        Duration refreshReuseGrace();
    }

    /**
     * Password guessing limits. Every comparison is reserved in the database before the hash runs, so these hold
     * whatever the parallelism and across replicas.
     */
    interface Login {
        /**
         * Password comparisons allowed per account (and per trusted device) in one {@link #window()}; reaching it
         * with a wrong password locks for the next step of {@link #lockSteps()}.
         */
        @WithDefault("5")
        int maxFailedAttempts();

        /** How long comparisons are counted: a window that has passed starts the count again. */
        @WithDefault("PT15M")
        Duration window();

        /**
         * Successive lock durations: each lock takes the next step, the last one repeats. Locks never last longer
         * than the longest step, so an attacker can slow the owner down but never lock them out for good.
         */
        @WithDefault("PT1M,PT5M,PT15M,PT1H")
        List<Duration> lockSteps();

        /** After each such period without a new lock, the next lock goes back one step. */
        @WithDefault("PT24H")
        Duration lockStepDecay();

        /**
         * How long a device token (given to a device at a successful login) keeps that device trusted: failures from
         * other devices do not lock it out.
         */
        @WithDefault("P90D")
        Duration deviceTokenTtl();
    }

    /**
     * Fixed-window request limits, per client address, per account or destination, and for all callers together,
     * counted in the database so they hold across replicas. Each is {@code <max>/<ISO-8601 window>}.
     */
    interface RateLimits {
        /** Off only for runs where something else protects the service. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("30/PT1M")
        Rate loginPerIp();

        /** Per email address or phone number given, whether or not such an account exists. */
        @WithDefault("20/PT15M")
        Rate loginPerAccount();

        @WithDefault("3000/PT1M")
        Rate loginGlobal();

        @WithDefault("10/PT1H")
        Rate registerPerIp();

        @WithDefault("5/PT1H")
        Rate registerPerEmail();

        @WithDefault("300/PT1M")
        Rate registerGlobal();

        @WithDefault("20/PT1H")
        Rate forgotPerIp();

        /** Per address asked for, whether or not it has an account; the mail limit per account comes on top. */
        @WithDefault("10/PT1H")
        Rate forgotPerEmail();

        @WithDefault("300/PT1M")
        Rate forgotGlobal();

        /** Resets by code and by link from one address. */
        @WithDefault("30/PT1H")
        Rate resetPerIp();

        /** Code guesses per address, whether or not a code is pending. */
        @WithDefault("10/PT1H")
        Rate resetPerEmail();

        @WithDefault("300/PT1M")
        Rate resetGlobal();

        /** Client credentials at {@code POST /auth/token}. */
        @WithDefault("60/PT1M")
        Rate tokenPerIp();

        @WithDefault("60/PT1M")
        Rate tokenPerClient();

        @WithDefault("1200/PT1M")
        Rate tokenGlobal();

        /** Verification codes sent (phone and email). */
        @WithDefault("30/PT1H")
        Rate verificationSendPerIp();

        @WithDefault("10/PT1H")
        Rate verificationSendPerAccount();

        @WithDefault("300/PT1M")
        Rate verificationSendGlobal();

        /** Verification codes and links confirmed. */
        @WithDefault("60/PT1H")
        Rate verificationConfirmPerIp();

        @WithDefault("20/PT1H")
        Rate verificationConfirmPerAccount();

        @WithDefault("600/PT1M")
        Rate verificationConfirmGlobal();
    }

    /** The bounded queue in front of Argon2: a flood of logins gets 503 at once instead of waiting for ever. */
    interface Hashing {
        /** Threads that hash; each one holds about 19 MiB while it works. Unset: the number of CPUs. */
        Optional<Integer> threads();

        /** Hashes that may wait for a thread; beyond that, requests are refused with 503. */
        @WithDefault("32")
        int queueCapacity();

        /** The {@code Retry-After} of that 503. */
        @WithDefault("PT1S")
        Duration retryAfter();

        /**
         * How long a hashing thread with no hash to do keeps its Argon2id memory (at least 1 s). Then it ends; when the
         * last one has, one full collection lets the JVM give that memory back, and the next hash allocates it again.
         */
        @WithDefault("PT60S")
        Duration keepMemoryFor();
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

        /**
         * What the client may do ({@code otp:send}, {@code members:write}, ...; see
         * {@link dev.gatehouse.common.security.ServiceScopes}). Its tokens carry these scopes, or the subset it asks
         * for; without any, it gets tokens that no internal endpoint accepts.
         */
        Optional<java.util.List<String>> scopes();
    }

}
