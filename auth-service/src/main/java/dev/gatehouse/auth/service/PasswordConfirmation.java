package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Asks a signed-in person for their password again before an irreversible change (a new password, deleting the
 * account). A stolen access token must not become a way to guess the password: wrong answers count towards the same
 * lock as failed logins, and a locked account is refused here too.
 * <p>
 * A wrong password is a 403, not a 401: the bearer token is fine, and clients read a 401 as "sign in again".
 */
@ApplicationScoped
public class PasswordConfirmation {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final AuthConfig.Login config;

    public PasswordConfirmation(UserRepository users, PasswordHasher hasher, AuditLog audit, AuthConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config.login();
    }

    /** The account, once {@code password} proved to be its password; {@code purpose} goes into the audit trail. */
    public Uni<User> confirm(UUID userId, String password, String purpose, ClientInfo client) {
        return Panache.withSession(() -> users.findById(userId)).flatMap(user -> {
            if (user == null) {
                throw ApiException.unauthorized("unauthorized", "This account no longer exists.");
            }
            if (user.isLockedAt(OffsetDateTime.now())) {
                throw ApiException.locked("account_locked",
                        "Too many wrong passwords: this account is locked for a while. Try again later.");
            }
            return hasher.verify(password, user.passwordHash).flatMap(matches -> matches
                    ? Panache.withTransaction(() -> users.clearFailedLogins(user.id)).replaceWith(user)
                    : refuse(user, purpose, client));
        });
    }

    private Uni<User> refuse(User user, String purpose, ClientInfo client) {
        OffsetDateTime lockUntil = OffsetDateTime.now().plus(config.lockDuration());
        return Panache.withTransaction(() -> users.recordFailedLogin(user.id, config.maxFailedAttempts(), lockUntil)
                .call(() -> audit.record("password.confirmation_failed", user.id, client,
                        Map.of("purpose", purpose))))
                .map(ignored -> {
                    throw ApiException.forbidden("invalid_credentials", "The password is wrong.");
                });
    }
}
