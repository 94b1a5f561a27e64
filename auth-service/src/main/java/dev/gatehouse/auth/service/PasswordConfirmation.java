package dev.gatehouse.auth.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/**
 * Asks a signed-in person for their password again before an irreversible change (a new password, deleting the
 * account). A stolen access token must not become a way to guess the password: each check reserves a comparison in
 * the account's {@link LoginThrottle} scope, the one logins from untrusted devices share, and a locked account is
 * answered exactly like a wrong password.
 * <p>
 * A wrong password is a 403, not a 401: the bearer token is fine, and clients read a 401 as "sign in again".
 */
@ApplicationScoped
public class PasswordConfirmation {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ForgotPasswordService resets;
    private final Database database;

    public PasswordConfirmation(UserRepository users, PasswordHasher hasher, AuditLog audit, LoginThrottle throttle,
            ForgotPasswordService resets, Database database) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.throttle = throttle;
        this.resets = resets;
    }

    /** The account, once {@code password} proved to be its password; {@code purpose} goes into the audit trail. */
    public Uni<User> confirm(UUID userId, String password, String purpose, ClientInfo client) {
        return users.findById(database, userId).flatMap(user -> {
            if (user == null) {
                throw AccountProblems.gone();
            }
            return throttle.reserve(user.id, LoginThrottle.ACCOUNT).flatMap(reserved -> {
                if (!reserved) {
                    throw AccountProblems.wrongPassword();
                }
                return hasher.verify(password, user.passwordHash)
                        .onFailure(ApiException.class).call(busy -> throttle.release(user.id, LoginThrottle.ACCOUNT))
                        .flatMap(matches -> matches
                                ? throttle.succeeded(database, user.id, LoginThrottle.ACCOUNT).replaceWith(user)
                                : refuse(user, purpose, client));
            });
        });
    }

    private Uni<User> refuse(User user, String purpose, ClientInfo client) {
        return database.inTransaction(tx -> throttle.failed(tx, user.id, LoginThrottle.ACCOUNT)
                .call(() -> audit.record(tx, "password.confirmation_failed", user.id, client,
                        Map.of("purpose", purpose))))
                .map(lockedUntil -> {
                    // Guesses through a stolen token lock the account as failed logins do, and the owner is told
                    // the same way: a lock notice with a reset link.
                    if (lockedUntil != null) {
                        resets.lockNoticeAfterAnswer(user, lockedUntil, client);
                    }
                    throw AccountProblems.wrongPassword();
                });
    }
}
