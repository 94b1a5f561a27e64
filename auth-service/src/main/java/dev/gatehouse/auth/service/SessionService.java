package dev.gatehouse.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.RefreshToken;
import dev.gatehouse.auth.Session;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.RefreshRotationRepository;
import dev.gatehouse.auth.repository.RefreshRotationRepository.Rotation;
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.rest.dto.TokenResponse;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.SuccessorTokens;
import dev.gatehouse.auth.security.TokenIssuer;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Per-device sessions and their rotating refresh tokens.
 * <p>
 * Every refresh spends the presented token and issues its successor. The successor is derived from the presented
 * token ({@link SuccessorTokens}), so a retry of the same refresh inside the grace window (two tabs, a client that
 * lost the answer) gets the very same successor: a session never forks into two live chains. A spent token presented
 * after the grace window means two parties hold it, so the whole session is revoked (RFC 9700, section 4.14.2).
 * <p>
 * A session ends after an idle period without refresh ({@code refresh-token-ttl}) and, however often it is
 * refreshed, at an absolute time set when it opens ({@code session-max-lifetime}).
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RefreshRotationRepository rotations;
    private final SuccessorTokens successors;
    private final TokenIssuer issuer;
    private final AuditLog audit;
    private final AuthConfig.Jwt config;
    private final Database database;

    public SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens,
            RefreshRotationRepository rotations, SuccessorTokens successors, TokenIssuer issuer, AuditLog audit,
            AuthConfig config, Database database) {
        this.database = database;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.rotations = rotations;
        this.successors = successors;
        this.issuer = issuer;
        this.audit = audit;
        this.config = config.jwt();
    }

    /** Opens a session for a user who just proved who they are; runs inside the caller's transaction. */
    public Uni<TokenResponse> open(Transaction transaction, User user, String deviceId, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.deviceId = deviceId;
        session.ipAddress = client.ipAddress();
        session.userAgent = client.userAgent();
        session.createdAt = now;
        session.updatedAt = now;
        session.lastUsedAt = now;
        session.absoluteExpiresAt = now.plus(config.sessionMaxLifetime());
        session.expiresAt = earliest(now.plus(config.refreshTokenTtl()), session.absoluteExpiresAt);
        return sessions.insert(transaction, session).flatMap(saved -> issue(transaction, user, session, client, now));
    }

    /**
     * One round trip on the usual path: {@link RefreshRotationRepository#rotate} locks, rotates and stores in one
     * statement. A detected reuse commits the session's revocation and only then refuses the caller.
     */
    public Uni<TokenResponse> refresh(String presentedToken, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        UUID successorId = UUID.randomUUID();
        String successor = successors.successorOf(presentedToken, successorId);
        return rotations.rotate(OpaqueTokens.hash(presentedToken), now, successorId, OpaqueTokens.hash(successor),
                client.ipAddress(), client.userAgent(), now.plus(config.refreshTokenTtl())).flatMap(rotation -> {
                    if (rotation == null) {
                        throw invalidRefreshToken();
                    }
                    if (rotation.rotated()) {
                        return Uni.createFrom().item(answer(rotation, successor, rotation.newExpiresAt(), now));
                    }
                    return retry(presentedToken, rotation, client, now);
                });
    }

    /**
     * The presented token was rotated before. Inside the grace window this is a retry of that rotation (two tabs, a
     * client that lost the answer) and gets the very same successor, even when the successor has been used since: the
     * caller can then only follow the one chain, where any step it repeats after that step's own grace window is a
     * reuse. After the window it is a reuse: two parties hold the token.
     */
    private Uni<TokenResponse> retry(String presentedToken, Rotation rotation, ClientInfo client,
            OffsetDateTime now) {
        if (rotation.replacedAt().plus(config.refreshReuseGrace()).isBefore(now)) {
            LOG.warnf("Refresh token reuse in session %s: revoking it", rotation.sessionId());
            return revokeForReuse(rotation.sessionId(), rotation.userId(), client, now);
        }
        String successor = successors.successorOf(presentedToken, rotation.replacedBy());
        if (rotation.successorHash() != null && !rotation.successorHash().equals(OpaqueTokens.hash(successor))) {
            // Rotated under another key (the signing key changed in between): this successor would not be accepted.
            throw invalidRefreshToken();
        }
        OffsetDateTime expiresAt = rotation.successorExpiresAt() != null ? rotation.successorExpiresAt()
                : earliest(rotation.replacedAt().plus(config.refreshTokenTtl()), rotation.absoluteExpiresAt());
        return Uni.createFrom().item(answer(rotation, successor, expiresAt, now));
    }

    private TokenResponse answer(Rotation rotation, String refreshToken, OffsetDateTime refreshExpiresAt,
            OffsetDateTime now) {
        User user = new User();
        user.id = rotation.userId();
        user.email = rotation.email();
        user.phoneNumber = rotation.phoneNumber();
        user.emailVerified = rotation.emailVerified();
        user.phoneVerified = rotation.phoneVerified();
        user.roles = rotation.roles();
        TokenIssuer.SignedToken access = issuer.accessToken(user, rotation.sessionId());
        return new TokenResponse(access.token(), "Bearer", access.expiresInSeconds(), refreshToken,
                secondsBetween(now, refreshExpiresAt), rotation.sessionId());
    }

    /**
     * Ends the session behind the access token and, when given, the one the refresh token belongs to (the client may
     * hold a refresh token of a session whose access token it already dropped).
     */
    public Uni<Void> logout(UUID userId, UUID currentSessionId, String refreshToken, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        return database.inTransaction(tx -> {
            Uni<UUID> fromToken = refreshToken == null || refreshToken.isBlank()
                    ? Uni.createFrom().nullItem()
                    : refreshTokens.findByHash(tx, OpaqueTokens.hash(refreshToken))
                            .map(token -> token != null && token.userId.equals(userId) ? token.sessionId : null);
            return fromToken.flatMap(tokenSession -> revoke(tx, userId, currentSessionId, now, "logout")
                    .call(() -> tokenSession == null || tokenSession.equals(currentSessionId)
                            ? Uni.createFrom().voidItem()
                            : revoke(tx, userId, tokenSession, now, "logout")))
                    .call(() -> audit.record(tx, "logout", userId, client));
        });
    }

    public Uni<Void> logoutEverywhere(UUID userId, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        // Tokens before sessions: the order a refresh locks them in, so the two never deadlock.
        return database.inTransaction(tx -> refreshTokens.revokeAllOfUser(tx, userId, now)
                .call(() -> sessions.revokeAll(tx, userId, now, "logout_all"))
                .call(() -> audit.record(tx, "logout.all", userId, client)).replaceWithVoid());
    }

    public Uni<List<Session>> listActive(UUID userId) {
        return sessions.listActive(database, userId, OffsetDateTime.now());
    }

    /** Revokes one of the user's own sessions; someone else's session is answered as not found. */
    public Uni<Void> revokeOwn(UUID userId, UUID sessionId, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        return database.inTransaction(tx -> sessions.findById(tx, sessionId).flatMap(session -> {
            if (session == null || !session.userId.equals(userId) || session.revoked) {
                throw ApiException.notFound("session_not_found", "No such active session.");
            }
            return revoke(tx, userId, sessionId, now, "revoked_by_user")
                    .call(() -> audit.record(tx, "session.revoked", userId, client, Map.of("sessionId", sessionId)));
        }));
    }

    /**
     * Ends one of the user's sessions with all its refresh tokens; a session of someone else, or none, is left
     * alone. Tokens before the session: the order a refresh locks them in, so the two never deadlock.
     */
    private Uni<Void> revoke(Transaction tx, UUID userId, UUID sessionId, OffsetDateTime now, String reason) {
        if (sessionId == null) {
            return Uni.createFrom().voidItem();
        }
        return refreshTokens.revokeSession(tx, userId, sessionId, now)
                .call(() -> sessions.revoke(tx, userId, sessionId, now, reason)).replaceWithVoid();
    }

    private Uni<TokenResponse> revokeForReuse(UUID sessionId, UUID userId, ClientInfo client, OffsetDateTime now) {
        return database.inTransaction(tx -> revoke(tx, userId, sessionId, now, "refresh_token_reuse")
                .call(() -> audit.record(tx, "session.reuse_detected", userId, client,
                        Map.of("sessionId", sessionId))))
                .map(ignored -> {
                    throw invalidRefreshToken();
                });
    }

    /** The first refresh token of a new session: random, since nothing precedes it. */
    private Uni<TokenResponse> issue(Transaction transaction, User user, Session session, ClientInfo client,
            OffsetDateTime now) {
        String plain = OpaqueTokens.newToken();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.sessionId = session.id;
        token.userId = user.id;
        token.tokenHash = OpaqueTokens.hash(plain);
        token.deviceId = session.deviceId;
        token.ipAddress = client.ipAddress();
        token.userAgent = client.userAgent();
        token.createdAt = now;
        token.expiresAt = session.expiresAt;
        TokenIssuer.SignedToken access = issuer.accessToken(user, session.id);
        return refreshTokens.insert(transaction, token).map(saved -> new TokenResponse(access.token(), "Bearer",
                access.expiresInSeconds(), plain, secondsBetween(now, session.expiresAt), session.id));
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static long secondsBetween(OffsetDateTime from, OffsetDateTime to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    static ApiException invalidRefreshToken() {
        return ApiException.unauthorized("invalid_refresh_token", "The refresh token is invalid, expired or revoked.");
    }
}
