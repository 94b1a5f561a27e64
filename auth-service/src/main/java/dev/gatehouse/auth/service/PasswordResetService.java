package dev.gatehouse.auth.service;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.PasswordReset;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Completes a password reset with the emailed link's token or the emailed code.
 * <p>
 * A success sets the new password, spends the reset, ends every session and refresh token of the account (whoever
 * knew the old password is out) and lifts a login lock. Refusals that change state (an expired reset, a wrong code)
 * are committed before the caller is answered. A code allows {@code max_attempts} wrong guesses; the last one
 * revokes the reset. Every refusal gets the same 400 {@code reset_invalid}, whether or not a code was pending, so the
 * answer tells nothing about the account. No password or code is hashed inside a transaction.
 */
@ApplicationScoped
public class PasswordResetService {

    private final PasswordResetRepository resets;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final LoginThrottle throttle;

    public PasswordResetService(PasswordResetRepository resets, UserRepository users, SessionRepository sessions,
            RefreshTokenRepository refreshTokens, PasswordHasher hasher, AuditLog audit, LoginThrottle throttle) {
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
                .flatMap(hash -> Panache.withTransaction(() -> redeemLink(token, hash, client)))
                .map(PasswordResetService::answer);
    }

    /** {@code newPassword} must already meet the password policy. */
    public Uni<Void> resetWithCode(String email, String code, String newPassword, ClientInfo client) {
        String normalized = RegistrationService.normalizeEmail(email);
        return hasher.hash(newPassword)
                .flatMap(hash -> Panache.withTransaction(() -> redeemCode(normalized, code, hash, client)))
                .map(PasswordResetService::answer);
    }

    /** Looks at a link without spending it, so mail scanners that open links do not break them. */
    @WithSession
    public Uni<LinkState> inspectLink(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Uni.createFrom().item(LinkState.INVALID);
        }
        LocalDateTime now = utcNow();
        return resets.findByTokenHash(OpaqueTokens.hash(token)).map(reset -> {
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

    private Uni<Outcome> redeemLink(String token, String passwordHash, ClientInfo client) {
        LocalDateTime now = utcNow();
        return resets.findByTokenHashForUpdate(OpaqueTokens.hash(token)).flatMap(reset -> {
            if (reset == null || !PasswordReset.EMAIL_LINK.equals(reset.resetType) || !reset.isPending()) {
                return Uni.createFrom().item(Outcome.INVALID);
            }
            if (reset.isExpiredAt(now)) {
                reset.expire();
                return Uni.createFrom().item(Outcome.INVALID);
            }
            return complete(reset, passwordHash, client, now);
        });
    }

    /**
     * A code guess in three steps, so the slow comparison runs with no transaction or row lock held: reserve the
     * attempt on the latest pending code (a short locked transaction, so concurrent guesses never exceed its
     * attempts), compare, then complete or count the failure. Every refusal is the same {@link Outcome#INVALID},
     * whether or not a code was pending, after the same comparison work.
     */
    private Uni<Outcome> redeemCode(String email, String code, String passwordHash, ClientInfo client) {
        return Panache.withTransaction(() -> reserveCodeAttempt(email)).flatMap(attempt -> {
            if (attempt == null) {
                return hasher.verifyAgainstDecoy(code).replaceWith(Outcome.INVALID);
            }
            return hasher.verify(code, attempt.tokenHash()).flatMap(matches -> Panache.withTransaction(() -> matches
                    ? completeCode(attempt.resetId(), passwordHash, client)
                    : wrongCode(attempt, client)));
        });
    }

    private Uni<CodeAttempt> reserveCodeAttempt(String email) {
        LocalDateTime now = utcNow();
        return resets.findLatestPendingCodeForUpdate(email).map(reset -> {
            if (reset == null) {
                return null;
            }
            if (reset.isExpiredAt(now)) {
                reset.expire();
                return null;
            }
            if (reset.attemptCount >= reset.maxAttempts) {
                reset.revoke();
                return null;
            }
            reset.attemptCount++;
            return new CodeAttempt(reset.id, reset.userId, reset.tokenHash, reset.attemptCount, reset.maxAttempts);
        });
    }

    private Uni<Outcome> completeCode(UUID resetId, String passwordHash, ClientInfo client) {
        LocalDateTime now = utcNow();
        return resets.findByIdForUpdate(resetId).flatMap(reset -> reset == null || !reset.isPending()
                || reset.isExpiredAt(now)
                        ? Uni.createFrom().item(Outcome.INVALID)
                        : complete(reset, passwordHash, client, now));
    }

    private Uni<Outcome> wrongCode(CodeAttempt attempt, ClientInfo client) {
        boolean exhausted = attempt.number() >= attempt.allowed();
        Uni<Integer> revoked = exhausted
                ? resets.revokeIfPending(attempt.resetId())
                : Uni.createFrom().item(0);
        return revoked.call(() -> audit.record(
                exhausted ? "password_reset.attempts_exhausted" : "password_reset.code_rejected", attempt.userId(),
                client, Map.of("resetId", attempt.resetId(), "attempts", attempt.number())))
                .replaceWith(Outcome.INVALID);
    }

    /** One reserved guess at a code reset, carried out of its transaction to be compared. */
    private record CodeAttempt(UUID resetId, UUID userId, String tokenHash, int number, int allowed) {
    }

    private Uni<Outcome> complete(PasswordReset reset, String passwordHash, ClientInfo client, LocalDateTime now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        reset.markUsed(now);
        return users.findById(reset.userId).flatMap(user -> {
            if (user == null) {
                return Uni.createFrom().item(Outcome.INVALID);
            }
            user.passwordHash = passwordHash;
            return resets.revokePending(user.id, reset.id)
                    .call(() -> throttle.liftAll(user.id))
                    .call(() -> sessions.revokeAll(user.id, at, "password_reset"))
                    .call(() -> refreshTokens.revokeAllOfUser(user.id, at))
                    .call(() -> audit.record("password_reset.completed", user.id, client,
                            Map.of("method", reset.resetType, "resetId", reset.id)))
                    .replaceWith(Outcome.COMPLETED);
        });
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
