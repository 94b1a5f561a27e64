package dev.gatehouse.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * auth-service's revocation feed ({@code GET /internal/revocations}) at the wire, for the services that poll it:
 * tests revoke a session or delete an account here and watch the service under test refuse the token. Like
 * auth-service it wants a service token, answers everything recorded after the cursor's overlap, and hands back a
 * cursor. Polling is switched on, every 200 ms, for the service under test. It also answers auth-service's token
 * endpoint ({@code POST /auth/token}, client credentials) with a token of {@link TestIssuer#shared()}, so the service's
 * OIDC client gets the token it polls with from here.
 */
public class RevocationFeedStub implements QuarkusTestResourceLifecycleManager {

    /** How long auth-service keeps an entry on the feed: the access-token lifetime. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final List<JsonObject> ENTRIES = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean DOWN = new AtomicBoolean();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("gatehouse.revocation.enabled", "true",
                "gatehouse.revocation.feed-url", url,
                "gatehouse.revocation.poll-every", "0.2s",
                "quarkus.oidc-client.auth-server-url", url,
                "quarkus.oidc-client.credentials.client-secret.value", "stub-secret");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A session ended (logout, a revoked device, logout everywhere, a password reset). */
    public static void revokeSession(UUID userId, UUID sessionId, String reason) {
        add(sessionId, userId, reason);
    }

    /** An account was deleted: every token of the person. */
    public static void deleteAccount(UUID userId) {
        add(null, userId, "account_deleted");
    }

    /** The feed answers 503 while down. */
    public static void down(boolean down) {
        DOWN.set(down);
    }

    private static void add(UUID sessionId, UUID userId, String reason) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ENTRIES.add(new JsonObject().put("sessionId", sessionId == null ? null : sessionId.toString())
                .put("userId", userId.toString()).put("reason", reason).put("revokedAt", now.toString())
                .put("expiresAt", now.plus(TOKEN_LIFETIME).toString()));
    }

    private void handle(HttpServerRequest request) {
        if (DOWN.get()) {
            request.response().setStatusCode(503).end();
            return;
        }
        if ("POST".equals(request.method().name()) && "/auth/token".equals(request.path())) {
            request.setExpectMultipart(true);
            request.endHandler(done -> {
                String clientId = request.getFormAttribute("client_id");
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("access_token", TestIssuer.shared().serviceToken(clientId))
                                .put("token_type", "Bearer").put("expires_in", 300).encode());
            });
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (!"GET".equals(request.method().name()) || !"/internal/revocations".equals(request.path())) {
            request.response().setStatusCode(404).end();
        } else if (authorization == null || !isServiceToken(authorization)) {
            request.response().setStatusCode(authorization == null ? 401 : 403).end();
        } else {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String since = request.getParam("since");
            OffsetDateTime from = since == null ? now.minus(TOKEN_LIFETIME)
                    : OffsetDateTime.parse(since).minusMinutes(1);
            JsonArray found = new JsonArray();
            ENTRIES.stream().filter(entry -> OffsetDateTime.parse(entry.getString("revokedAt")).isAfter(from))
                    .forEach(found::add);
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("asOf", now.toString()).put("revocations", found).encode());
        }
    }

    private static boolean isServiceToken(String authorization) {
        String[] parts = authorization.replaceFirst("^Bearer ", "").split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return "service".equals(claims.getString("token_use"))
                    && String.valueOf(claims.getValue("scope")).contains("revocations:read");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
