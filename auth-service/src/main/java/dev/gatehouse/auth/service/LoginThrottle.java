package dev.gatehouse.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.LoginThrottleRepository;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;

/**
 * How many passwords may be tried against an account. A comparison is reserved before the password is hashed, in one
 * statement that refuses past the limit, so at most {@code max-failed-attempts} comparisons happen per scope and
 * window however many requests arrive at once and on however many replicas. Using them up with wrong passwords locks
 * the scope for the next lock step; the steps decay with time, so a lock always ends.
 * <p>
 * Each trusted device has its own scope; every other device shares the account's scope. A reservation and a release
 * are single statements that commit on their own: no transaction is held while a password is hashed.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The scope of every device without a device token, and of password confirmations. */
    public static final String ACCOUNT = "account";

    private final LoginThrottleRepository throttles;
    private final AuthConfig.Login config;
    private final String stepSeconds;
    private final Database database;

    public LoginThrottle(LoginThrottleRepository throttles, AuthConfig config, Database database) {
        this.database = database;
        this.throttles = throttles;
        this.config = config.login();
        List<Duration> steps = this.config.lockSteps();
        if (steps.isEmpty() || steps.stream().anyMatch(step -> step.isNegative() || step.isZero())) {
            throw new IllegalStateException("gatehouse.login.lock-steps needs at least one positive duration");
        }
        this.stepSeconds = steps.stream().map(step -> Long.toString(Math.max(1, step.toSeconds())))
                .collect(Collectors.joining(","));
    }

    public static String deviceScope(UUID device) {
        return "device:" + device;
    }

    /**
     * True when a comparison may run now; false when the scope is locked, its window is used up, or the account was
     * deleted meanwhile.
     */
    public Uni<Boolean> reserve(UUID userId, String scope) {
        OffsetDateTime now = OffsetDateTime.now();
        return throttles.reserve(database, userId, scope, config.maxFailedAttempts(), now, now.minus(config.window()));
    }

    /** The reserved comparison did not run (the hashing queue was full): it does not count. */
    public Uni<Void> release(UUID userId, String scope) {
        return throttles.release(database, userId, scope).replaceWithVoid();
    }

    /**
     * Within the caller's transaction: the reserved comparison found a wrong password. Returns when the scope is now
     * locked until, or null when this failure did not lock it.
     */
    public Uni<OffsetDateTime> failed(Sql sql, UUID userId, String scope) {
        return throttles.lockIfExhausted(sql, userId, scope, config.maxFailedAttempts(), OffsetDateTime.now(), stepSeconds,
                config.lockSteps().size(), Math.max(1, config.lockStepDecay().toSeconds()));
    }

    /** The right password: the scope's count and lock history are forgotten. */
    public Uni<Void> succeeded(Sql sql, UUID userId, String scope) {
        return throttles.clear(sql, userId, scope).replaceWithVoid();
    }

    /** Within the caller's transaction: a new password was set by reset, so every lock of the account ends. */
    public Uni<Void> liftAll(Sql sql, UUID userId) {
        return throttles.clearAll(sql, userId).replaceWithVoid();
    }
}
