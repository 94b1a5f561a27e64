package dev.gatehouse.auth.service;

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
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.rest.dto.TokenResponse;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.TokenIssuer;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Per-device sessions and their rotating refresh tokens.
 * <p>
 * Every refresh spends the presented token and issues its successor. A spent token presented again after the grace
 * window means two parties hold it, so the whole session is revoked (RFC 9700, section 4.14.2). Inside the window a
 * spent token still rotates, which keeps two tabs that refresh at once from logging the user out.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final AuditLog audit;
    private final AuthConfig.Jwt config;

    public SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens, UserRepository users,
            TokenIssuer issuer, AuditLog audit, AuthConfig config) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.audit = audit;
        this.config = config.jwt();
    }

    /** Opens a session for a user who just proved who they are; runs inside the caller's transaction. */
    public Uni<TokenResponse> open(User user, String deviceId, ClientInfo client) {
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
        session.expiresAt = now.plus(config.refreshTokenTtl());
        return sessions.persist(session).flatMap(saved -> issue(user, session, client, now, null));
    }

    public Uni<TokenResponse> refresh(String presentedToken, ClientInfo client) {
        // A detected reuse commits the session's revocation and only then refuses the caller.
        return Panache.withTransaction(() -> rotate(presentedToken, client)).map(response -> {
            if (response == null) {
                throw invalidRefreshToken();
            }
            return response;
        });
    }

    private Uni<TokenResponse> rotate(String presentedToken, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        return refreshTokens.findByHashForUpdate(OpaqueTokens.hash(presentedToken)).flatMap(token -> {
            if (token == null || token.revoked || !token.expiresAt.isAfter(now)) {
                throw invalidRefreshToken();
            }
            return sessions.findById(token.sessionId).flatMap(session -> {
                if (session == null || !session.isActiveAt(now)) {
                    throw invalidRefreshToken();
                }
                if (token.replacedAt != null && token.replacedAt.plus(config.refreshReuseGrace()).isBefore(now)) {
                    return revokeForReuse(session, token, client, now);
                }
                return users.findById(token.userId).flatMap(user -> {
                    if (user == null) {
                        throw invalidRefreshToken();
                    }
                    session.lastUsedAt = now;
                    session.ipAddress = client.ipAddress();
                    session.userAgent = client.userAgent();
                    session.expiresAt = now.plus(config.refreshTokenTtl());
                    return issue(user, session, client, now, token);
                });
            });
        });
    }

    /**
     * Ends the session behind the access token and, when given, the one the refresh token belongs to (the client may
     * hold a refresh token of a session whose access token it already dropped).
     */
    @WithTransaction
    public Uni<Void> logout(UUID userId, UUID currentSessionId, String refreshToken, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        Uni<UUID> fromToken = refreshToken == null || refreshToken.isBlank()
                ? Uni.createFrom().nullItem()
                : refreshTokens.findByHash(OpaqueTokens.hash(refreshToken))
                        .map(token -> token != null && token.userId.equals(userId) ? token.sessionId : null);
        return fromToken.flatMap(tokenSession -> revoke(userId, currentSessionId, now, "logout")
                .call(() -> tokenSession == null || tokenSession.equals(currentSessionId)
                        ? Uni.createFrom().voidItem()
                        : revoke(userId, tokenSession, now, "logout")))
                .call(() -> audit.record("logout", userId, client));
    }

    @WithTransaction
    public Uni<Void> logoutEverywhere(UUID userId, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        return sessions.revokeAll(userId, now, "logout_all")
                .call(() -> refreshTokens.revokeAllOfUser(userId, now))
                .call(() -> audit.record("logout.all", userId, client)).replaceWithVoid();
    }

    @WithTransaction
    public Uni<List<Session>> listActive(UUID userId) {
        return sessions.listActive(userId, OffsetDateTime.now());
    }

    /** Revokes one of the user's own sessions; someone else's session is answered as not found. */
    @WithTransaction
    public Uni<Void> revokeOwn(UUID userId, UUID sessionId, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now();
        return sessions.findById(sessionId).flatMap(session -> {
            if (session == null || !session.userId.equals(userId) || session.revoked) {
                throw ApiException.notFound("session_not_found", "No such active session.");
            }
            return revoke(userId, sessionId, now, "revoked_by_user")
                    .call(() -> audit.record("session.revoked", userId, client, Map.of("sessionId", sessionId)));
        });
    }

    private Uni<Void> revoke(UUID userId, UUID sessionId, OffsetDateTime now, String reason) {
        if (sessionId == null) {
            return Uni.createFrom().voidItem();
        }
        return sessions.findById(sessionId).flatMap(session -> {
            if (session == null || !session.userId.equals(userId)) {
                return Uni.createFrom().voidItem();
            }
            session.revoke(now, reason);
            return refreshTokens.revokeSession(sessionId, now).replaceWithVoid();
        });
    }

    private Uni<TokenResponse> revokeForReuse(Session session, RefreshToken token, ClientInfo client,
            OffsetDateTime now) {
        LOG.warnf("Refresh token reuse in session %s: revoking it", session.id);
        session.revoke(now, "refresh_token_reuse");
        return refreshTokens.revokeSession(session.id, now)
                .call(() -> audit.record("session.reuse_detected", token.userId, client,
                        Map.of("sessionId", session.id)))
                .map(ignored -> (TokenResponse) null);
    }

    private Uni<TokenResponse> issue(User user, Session session, ClientInfo client, OffsetDateTime now,
            RefreshToken predecessor) {
        String plain = OpaqueTokens.newToken();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        if (predecessor != null && predecessor.replacedAt == null) {
            predecessor.replacedAt = now;
            predecessor.replacedBy = token.id;
        }
        token.sessionId = session.id;
        token.userId = user.id;
        token.tokenHash = OpaqueTokens.hash(plain);
        token.deviceId = session.deviceId;
        token.ipAddress = client.ipAddress();
        token.userAgent = client.userAgent();
        token.createdAt = now;
        token.expiresAt = session.expiresAt;
        TokenIssuer.SignedToken access = issuer.accessToken(user, session.id);
        return refreshTokens.persist(token).map(saved -> new TokenResponse(access.token(), "Bearer",
                access.expiresInSeconds(), plain, config.refreshTokenTtl().toSeconds(), session.id));
    }

    static ApiException invalidRefreshToken() {
        return ApiException.unauthorized("invalid_refresh_token", "The refresh token is invalid, expired or revoked.");
    }
}
