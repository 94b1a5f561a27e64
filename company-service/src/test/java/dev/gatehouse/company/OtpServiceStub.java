package dev.gatehouse.company;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.gatehouse.testing.TestIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * otp-service and auth-service's token endpoint, at the wire: an HTTP server on 127.0.0.1 speaking their API
 * (API.md), so company-service's real REST clients, token handling and error translation are exercised.
 */
public class OtpServiceStub implements QuarkusTestResourceLifecycleManager {

    static final Map<String, String> CODES_BY_DESTINATION = new ConcurrentHashMap<>();
    static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Every create request as it arrived, to see what company-service passed on. */
    static final List<JsonObject> CREATED = new CopyOnWriteArrayList<>();
    /** How otp-service behaves; the token endpoint keeps answering, as auth-service would. */
    static final AtomicReference<Fault> FAULT = new AtomicReference<>(Fault.NONE);
    /** Calls that reached otp-service's own endpoints (not the token endpoint). */
    static final AtomicInteger OTP_CALLS = new AtomicInteger();
    static final AtomicInteger TOKEN_CALLS = new AtomicInteger();
    private static final Map<String, JsonObject> OTPS = new ConcurrentHashMap<>();
    private static Vertx vertx;
    private static HttpServer server;
    private static int port;

    enum Fault {
        NONE,
        /** Takes the request and never answers. */
        HANG,
        /** Answers 500 with no problem body. */
        ERROR
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = listen(0);
        port = server.actualPort();
        String url = "http://127.0.0.1:" + port;
        return Map.of("quarkus.rest-client.otp-service.url", url, "quarkus.oidc-client.auth-server-url", url,
                "quarkus.oidc-client.credentials.client-secret.value", "stub-secret");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Stops listening: connections to otp-service (and its token endpoint) are refused until {@link #accept}. */
    static void refuse() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    static void accept() {
        server = new OtpServiceStub().listen(port);
    }

    private HttpServer listen(int onPort) {
        return vertx.createHttpServer().requestHandler(this::handle).listen(onPort, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            boolean tokenEndpoint = request.path().equals("/auth/token");
            (tokenEndpoint ? TOKEN_CALLS : OTP_CALLS).incrementAndGet();
            if (DOWN.get()) {
                request.response().setStatusCode(503).end();
            } else if (tokenEndpoint) {
                token(request, body.toString());
            } else if (FAULT.get() == Fault.HANG) {
                // No answer: the caller's timeout has to end the wait.
            } else if (FAULT.get() == Fault.ERROR) {
                request.response().setStatusCode(500).end();
            } else if (!isServiceToken(request.getHeader("Authorization"))) {
                problem(request, 401, "unauthorized", Map.of());
            } else if (request.path().equals("/otp")) {
                create(request, body.toJsonObject());
            } else if (request.path().endsWith("/verify")) {
                verify(request, request.path().split("/")[2], body.toJsonObject());
            } else {
                request.response().setStatusCode(404).end();
            }
        });
    }

    private void token(HttpServerRequest request, String form) {
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=company-service")
                || !form.contains("client_secret=stub-secret")) {
            problem(request, 401, "invalid_client", Map.of());
            return;
        }
        json(request, 200, new JsonObject().put("access_token", TestIssuer.shared().serviceToken("company-service"))
                .put("token_type", "Bearer").put("expires_in", 300));
    }

    private void create(HttpServerRequest request, JsonObject body) {
        CREATED.add(body.copy());
        String id = UUID.randomUUID().toString();
        String code = String.format("%06d", (int) (Math.random() * 1_000_000));
        CODES_BY_DESTINATION.put(body.getString("destination"), code);
        OTPS.put(id, body.copy().put("code", code).put("attempts", 0).put("status", "PENDING"));
        json(request, 201, new JsonObject().put("id", id).put("expiresAt", Instant.now().plusSeconds(600).toString())
                .put("resendAvailableAt", Instant.now().plusSeconds(60).toString()));
    }

    private void verify(HttpServerRequest request, String id, JsonObject body) {
        JsonObject otp = OTPS.get(id);
        if (otp == null) {
            problem(request, 404, "otp_not_found", Map.of());
        } else if (!"PENDING".equals(otp.getString("status"))) {
            problem(request, 409, "otp_used", Map.of());
        } else if (!otp.getString("code").equals(body.getString("code"))) {
            int attempts = otp.getInteger("attempts") + 1;
            otp.put("attempts", attempts);
            problem(request, 422, "otp_invalid", Map.of("remainingAttempts", 5 - attempts));
        } else {
            otp.put("status", "VERIFIED");
            json(request, 200, new JsonObject().put("status", "VERIFIED").put("subjectId", otp.getString("subjectId"))
                    .put("destination", otp.getString("destination")).put("type", otp.getString("type")));
        }
    }

    /** company-service's own service token, as auth-service would issue it: {@code token_use: service}, its scopes. */
    private static boolean isServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return claims.getString("token_use", "").equals("service")
                && claims.getString("client_id", "").equals("company-service")
                && claims.getString("scope", "").contains("otp:send");
    }

    private static void problem(HttpServerRequest request, int status, String code, Map<String, Object> extra) {
        JsonObject body = new JsonObject().put("status", status).put("code", code).put("title", "stub")
                .put("detail", "stub says " + code);
        extra.forEach(body::put);
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
