package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.OutboxEvent;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.client.RemoteUserData;
import dev.gatehouse.auth.repository.OutboxRepository;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;

/** Changes to an account that its owner makes with their password: a new password, and deleting the account. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final PasswordConfirmation confirmation;
    private final OutboxRepository outbox;
    private final AuditLog audit;
    private final PasswordResetRepository resets;
    private final Database database;

    public AccountService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            PasswordHasher hasher, PasswordConfirmation confirmation, OutboxRepository outbox, AuditLog audit,
            PasswordResetRepository resets, Database database) {
        this.database = database;
        this.resets = resets;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.confirmation = confirmation;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Sets a new password, signs out every other device (whoever else knew the old password may hold a session made
     * with it) and revokes pending password resets. The session the change was made from stays, so the person is not thrown out
     * mid-task. The new
     * hash is computed before the transaction opens, so the slow hash never holds a database connection.
     */
    public Uni<Void> changePassword(UUID userId, UUID currentSessionId, String currentPassword, String newPassword,
            ClientInfo client) {
        if (newPassword.equals(currentPassword)) {
            return Uni.createFrom().failure(
                    ApiException.invalidField("newPassword", "must differ from the current password"));
        }
        return confirmation.confirm(userId, currentPassword, "password_change", client)
                .chain(user -> hasher.hash(newPassword).chain(hash -> withConfirmedHash(userId, currentPassword,
                        user.passwordHash, true, (tx, confirmedHash) -> users
                                .replacePasswordHash(tx, userId, confirmedHash, hash).chain(updated -> {
                                    if (updated == 0) {
                                        return Uni.createFrom().item(false);
                                    }
                                    OffsetDateTime now = OffsetDateTime.now();
                                    // Tokens before sessions: the order a refresh locks them in, so the two never
                                    // deadlock.
                                    return refreshTokens.revokeAllOfUserExcept(tx, userId, currentSessionId, now)
                                            .chain(() -> sessions.revokeAllExcept(tx, userId, currentSessionId, now,
                                                    "password_changed"))
                                            // A reset link or code sent before the change must not undo it.
                                            .call(() -> resets.revokePending(tx, userId, null))
                                            .call(revoked -> audit.record(tx, "password.changed", userId, client,
                                                    Map.of("sessionsRevoked", revoked)))
                                            .replaceWith(true);
                                }))));
    }

    /**
     * Deletes the account, in one local transaction: the account row (its sessions, tokens, resets, challenges and
     * backgrounds go with it by ON DELETE CASCADE, and a trigger puts the deletion on the revocation feed) and one
     * {@code user-deleted} outbox event per service that holds data about the person. The outbox relay delivers the
     * events afterwards until each service acknowledges, so the answer does not wait for the other services, and
     * nothing is half-deleted whichever process stops: either nothing was committed, or the account is gone and its
     * events are certain to be delivered.
     */
    public Uni<Void> delete(UUID userId, String password, ClientInfo client) {
        return confirmation.confirm(userId, password, "account_deletion", client)
                .call(user -> withConfirmedHash(userId, password, user.passwordHash, true,
                        (tx, confirmedHash) -> users.delete(tx, userId, confirmedHash).chain(deleted -> {
                            if (deleted == 0) {
                                return Uni.createFrom().item(false);
                            }
                            OffsetDateTime now = OffsetDateTime.now();
                            return outbox
                                    .insert(tx, OutboxEvent.userDeleted(userId, RemoteUserData.COMPANY_SERVICE, now))
                                    .call(() -> outbox.insert(tx,
                                            OutboxEvent.userDeleted(userId, RemoteUserData.APPROVAL_SERVICE, now)))
                                    // The audit trail outlives the account: it keeps the id, never the email or
                                    // phone number.
                                    .call(() -> audit.record(tx, "user.deleted", userId, client))
                                    .replaceWith(true);
                        }))
                        // The second of two deletions of one account waits for the first one's row lock and then
                        // deletes nothing; should it ever get past, the one-event-per-destination index lets only
                        // the first through, and for the second the account no longer exists.
                        .onFailure(UniqueViolation::is).transform(raced -> AccountProblems.gone()))
                .invoke(user -> LOG.infof("Account %s deleted; the other services are told through the outbox",
                        userId))
                .replaceWithVoid();
    }

    /**
     * Runs {@code change} in a transaction, over the hash the password was confirmed against; {@code change} answers
     * false when that is no longer the account's hash and it changed nothing. Then the account is gone (401), or its
     * hash changed between the confirmation and the transaction: a reset or another device's change (the confirmed
     * password is no longer the account's, and the change must not overwrite or outlive the newer one), or a login
     * that upgraded an outdated hash (the password is still the same). So the password is compared once more with
     * the hash as it is now, outside any transaction, and the change runs again over it; a wrong password then gets
     * the wrong-password answer.
     */
    private Uni<Void> withConfirmedHash(UUID userId, String password, String confirmedHash, boolean compareAgain,
            BiFunction<Sql, String, Uni<Boolean>> change) {
        return database.inTransaction(tx -> change.apply(tx, confirmedHash).chain(changed -> changed
                ? Uni.createFrom().<User> nullItem()
                : users.findById(tx, userId).invoke(current -> {
                    if (current == null) {
                        throw AccountProblems.gone();
                    }
                }))).chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!compareAgain) {
                        throw AccountProblems.wrongPassword();
                    }
                    return hasher.verify(password, current.passwordHash).chain(matches -> {
                        if (!matches) {
                            throw AccountProblems.wrongPassword();
                        }
                        return withConfirmedHash(userId, password, current.passwordHash, false, change);
                    });
                });
    }
}
