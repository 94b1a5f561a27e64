package dev.gatehouse.auth.service;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.PasswordReset;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Completes a password reset with the emailed link's token or the emailed code.
 * <p>
 * A success sets the new password, spends the reset, ends every session and refresh token of the account (whoever
 * knew the old password is out) and lifts a login lock. Refusals that change state (an expired reset, a wrong code)
 * are committed before the caller is answered. A code allows {@code max_attempts} wrong guesses; the last one
 * revokes the reset. Every refusal gets the same 400 {@code reset_invalid}, whether or not a code was pending, so the
 * answer tells nothing about the account. No new password is hashed inside a transaction; a code is compared inside
 * the one that reserved its attempt (see {@code redeemCode}).
 */
@ApplicationScoped
public class PasswordResetService {

    private final Database database;
    private final PasswordResetRepository resets;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final LoginThrottle throttle;

    public PasswordResetService(Database database, PasswordResetRepository resets, UserRepository users,
            SessionRepository sessions, RefreshTokenRepository refreshTokens, PasswordHasher hasher, AuditLog audit,
            LoginThrottle throttle) {
        this.database = database;
        this.throttle = throttle;
        this.resets = resets;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** What the reset page can offer for a link. */
    public enum LinkState {
        USABLE,
        EXPIRED,
        USED,
        INVALID
    }

    private enum Outcome {
        COMPLETED,
        INVALID
    }

    /** {@code newPassword} must already meet the password policy. */
    public Uni<Void> resetWithLink(String token, String newPassword, ClientInfo client) {
        // Hashed before the transaction, for valid and invalid links alike: no connection or row lock is held
        // during the slow hash, and the answer takes the same time either way.
        return hasher.hash(newPassword)
                .flatMap(hash -> database.inTransaction(tx -> redeemLink(tx, token, hash, client)))
                .map(PasswordResetService::answer);
    }

    /** {@code newPassword} must already meet the password policy. */
    public Uni<Void> resetWithCode(String email, String code, String newPassword, ClientInfo client) {
        String normalized = RegistrationService.normalizeEmail(email);
        return hasher.hash(newPassword)
                .flatMap(hash -> redeemCode(normalized, code, hash, client))
                .map(PasswordResetService::answer);
    }

    /** Looks at a link without spending it, so mail scanners that open links do not break them. */
    public Uni<LinkState> inspectLink(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Uni.createFrom().item(LinkState.INVALID);
        }
        LocalDateTime now = utcNow();
        return resets.findByTokenHash(database, OpaqueTokens.hash(token)).map(reset -> {
            if (reset == null || !PasswordReset.EMAIL_LINK.equals(reset.resetType)) {
                return LinkState.INVALID;
            }
            if (PasswordReset.USED.equals(reset.status)) {
                return LinkState.USED;
            }
            if (PasswordReset.EXPIRED.equals(reset.status) || reset.isPending() && reset.isExpiredAt(now)) {
                return LinkState.EXPIRED;
            }
            return reset.isPending() ? LinkState.USABLE : LinkState.INVALID;
        });
    }

    /**
     * The link's reset is found first without a lock, for its account: the account is locked before the reset, the
     * order every change of a password takes, so a reset and a password change of one account never deadlock. The
     * reset is then locked and checked again, so two redemptions of one link run one after the other and only the
     * first one succeeds.
     */
    private Uni<Outcome> redeemLink(Transaction tx, String token, String passwordHash, ClientInfo client) {
        LocalDateTime now = utcNow();
        String tokenHash = OpaqueTokens.hash(token);
        return resets.findByTokenHash(tx, tokenHash).flatMap(found -> {
            if (found == null || !PasswordReset.EMAIL_LINK.equals(found.resetType) || !found.isPending()) {
                return Uni.createFrom().item(Outcome.INVALID);
            }
            return users.lock(tx, found.userId).flatMap(user -> resets.findByTokenHashForUpdate(tx, tokenHash)
                    .flatMap(reset -> {
                        if (user == null || reset == null || !reset.isPending()) {
                            return Uni.createFrom().item(Outcome.INVALID);
                        }
                        if (reset.isExpiredAt(now)) {
                            reset.expire();
                            return resets.save(tx, reset).replaceWith(Outcome.INVALID);
                        }
                        return complete(tx, user, reset, passwordHash, client, now);
                    }));
        });
    }

    /**
     * A code guess in three steps, so the slow comparison holds no connection or row lock: reserve the attempt on the
     * latest pending code (a short transaction that locks it, so concurrent guesses are counted one after the other
     * and never exceed its attempts), compare, then complete or count the failure in a second transaction. A
     * comparison that never ran (the hashing queue was full) gives its attempt back. Every refusal is the same
     * {@link Outcome#INVALID}, whether or not a code was pending, after the same comparison work.
     */
    private Uni<Outcome> redeemCode(String email, String code, String passwordHash, ClientInfo client) {
        return database.inTransaction(tx -> reserveCodeAttempt(tx, email)).flatMap(attempt -> {
            if (attempt == null) {
                return hasher.verifyAgainstDecoy(code).replaceWith(Outcome.INVALID);
            }
            return hasher.verify(code, attempt.tokenHash())
                    .onFailure(ApiException.class).call(busy -> resets.releaseAttempt(database, attempt.resetId()))
                    .flatMap(matches -> database.inTransaction(tx -> matches
                            ? completeCode(tx, attempt, passwordHash, client)
                            : wrongCode(tx, attempt, client)));
        });
    }

    /** Null when no code can be guessed; an expired or used-up code is marked so on the way. */
    private Uni<CodeAttempt> reserveCodeAttempt(Transaction tx, String email) {
        LocalDateTime now = utcNow();
        return resets.findLatestPendingCodeForUpdate(tx, email).flatMap(reset -> {
            if (reset == null) {
                return Uni.createFrom().<CodeAttempt> nullItem();
            }
            if (reset.isExpiredAt(now)) {
                reset.expire();
                return resets.save(tx, reset).replaceWith((CodeAttempt) null);
            }
            if (reset.attemptCount >= reset.maxAttempts) {
                reset.revoke();
                return resets.save(tx, reset).replaceWith((CodeAttempt) null);
            }
            reset.attemptCount++;
            return resets.save(tx, reset).replaceWith(new CodeAttempt(reset.id, reset.userId, reset.tokenHash,
                    reset.attemptCount, reset.maxAttempts));
        });
    }

    /** The account, then the reset, locked again: the reset may have been spent or revoked since the reservation. */
    private Uni<Outcome> completeCode(Transaction tx, CodeAttempt attempt, String passwordHash, ClientInfo client) {
        LocalDateTime now = utcNow();
        return users.lock(tx, attempt.userId()).flatMap(user -> resets.findByIdForUpdate(tx, attempt.resetId())
                .flatMap(reset -> user == null || reset == null || !reset.isPending() || reset.isExpiredAt(now)
                        ? Uni.createFrom().item(Outcome.INVALID)
                        : complete(tx, user, reset, passwordHash, client, now)));
    }

    private Uni<Outcome> wrongCode(Transaction tx, CodeAttempt attempt, ClientInfo client) {
        boolean exhausted = attempt.number() >= attempt.allowed();
        Uni<Integer> revoked = exhausted
                ? resets.revokeIfPending(tx, attempt.resetId())
                : Uni.createFrom().item(0);
        return revoked.call(() -> audit.record(tx,
                exhausted ? "password_reset.attempts_exhausted" : "password_reset.code_rejected", attempt.userId(),
                client, Map.of("resetId", attempt.resetId(), "attempts", attempt.number())))
                .replaceWith(Outcome.INVALID);
    }

    /** One reserved guess at a code reset, carried from its reservation to its comparison. */
    private record CodeAttempt(UUID resetId, UUID userId, String tokenHash, int number, int allowed) {
    }

    /**
     * Spends the reset and sets the new password; the account and the reset are locked in {@code tx} (in that order).
     * The user's other resets end, every lock and session ends (tokens before sessions, the order a refresh locks
     * them in), and the reset and the new hash are written last.
     */
    private Uni<Outcome> complete(Transaction tx, User user, PasswordReset reset, String passwordHash,
            ClientInfo client, LocalDateTime now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        reset.markUsed(now);
        return resets.revokePending(tx, user.id, reset.id)
                .call(() -> throttle.liftAll(tx, user.id))
                .call(() -> refreshTokens.revokeAllOfUser(tx, user.id, at))
                .call(() -> sessions.revokeAll(tx, user.id, at, "password_reset"))
                .call(() -> audit.record(tx, "password_reset.completed", user.id, client,
                        Map.of("method", reset.resetType, "resetId", reset.id)))
                .call(() -> resets.save(tx, reset))
                .call(() -> users.setPasswordHash(tx, user.id, passwordHash))
                .replaceWith(Outcome.COMPLETED);
    }

    private static Void answer(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> null;
            case INVALID -> throw ApiException.badRequest("reset_invalid",
                    "This reset link or code is wrong, expired or already used. Ask for a new one if needed.");
        };
    }

    private static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
