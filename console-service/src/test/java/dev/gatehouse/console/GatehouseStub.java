package dev.gatehouse.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * auth-service, company-service and approval-service at the wire: one HTTP server on 127.0.0.1 that answers their
 * public API (the parts the tests use) with real problem+json errors, so the console's clients, token handling and
 * error pages are exercised for real. It counts what it was asked, so a test can prove what was (not) called.
 */
public class GatehouseStub implements QuarkusTestResourceLifecycleManager {

    static final String EMAIL = "amina@example.com";
    static final String PASSWORD = "correct horse battery";
    static final UUID USER_ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    /** The search term for which auth-service's stub finds three pages of people. */
    static final String MANY = "c++";
    /** A company the signed-in person owns, with two pending join requests. */
    static final String OWNED_COMPANY = "KE-OWNR-0001";
    static final UUID REQUEST_WITH_CONTACT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID REQUEST_WITHOUT_CONTACT = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Lifetime of the access tokens handed out; a test sets it to 0 to force refreshes. */
    static final AtomicLong ACCESS_SECONDS = new AtomicLong(300);
    static final AtomicReference<String> DOWN = new AtomicReference<>("");
    /** The person's stored language, as auth-service keeps it. */
    static final AtomicReference<String> LOCALE = new AtomicReference<>();
    static final Map<String, Boolean> LIVE_ACCESS_TOKENS = new ConcurrentHashMap<>();
    static final Map<String, Boolean> LIVE_REFRESH_TOKENS = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.auth-service.url", url, "quarkus.rest-client.company-service.url", url,
                "quarkus.rest-client.approval-service.url", url);
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static int calls(String key) {
        return CALLS.getOrDefault(key, new AtomicInteger()).get();
    }

    static void reset() {
        CALLS.clear();
        ACCESS_SECONDS.set(300);
        DOWN.set("");
        LOCALE.set(null);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String key = request.method() + " " + request.path();
            CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (!DOWN.get().isEmpty() && request.path().startsWith(DOWN.get())) {
                problem(request, 503, "otp_service_unavailable", "down", null);
                return;
            }
            JsonObject body = buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject();
            switch (key) {
                case "POST /auth/login" -> login(request, body);
                case "POST /auth/refresh" -> refresh(request, body);
                default -> authenticated(request, key, body);
            }
        });
    }

    private void login(HttpServerRequest request, JsonObject body) {
        if (!EMAIL.equals(body.getString("email")) || !PASSWORD.equals(body.getString("password"))) {
            problem(request, 401, "invalid_credentials", "Invalid credentials", null);
            return;
        }
        if (!"203.0.113.7".equals(request.getHeader("X-Forwarded-For"))
                && !"127.0.0.1".equals(request.getHeader("X-Forwarded-For"))) {
            problem(request, 400, "missing_forwarded_for", "The client address did not travel", null);
            return;
        }
        json(request, 200, tokens());
    }

    private void refresh(HttpServerRequest request, JsonObject body) {
        String refreshToken = body.getString("refreshToken");
        if (refreshToken == null || LIVE_REFRESH_TOKENS.remove(refreshToken) == null) {
            problem(request, 401, "invalid_refresh_token", "Invalid refresh token", null);
            return;
        }
        // A slow refresh widens the window in which parallel requests could spend the same refresh token.
        vertx.setTimer(200, ignored -> json(request, 200, tokens()));
    }

    private JsonObject tokens() {
        int n = SEQUENCE.incrementAndGet();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        LIVE_ACCESS_TOKENS.put(access, true);
        LIVE_REFRESH_TOKENS.put(refresh, true);
        return new JsonObject().put("accessToken", access).put("tokenType", "Bearer")
                .put("expiresIn", ACCESS_SECONDS.get()).put("refreshToken", refresh).put("refreshExpiresIn", 3600)
                .put("sessionId", UUID.randomUUID().toString());
    }

    private void authenticated(HttpServerRequest request, String key, JsonObject body) {
        String authorization = request.getHeader("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        if (!LIVE_ACCESS_TOKENS.containsKey(token)) {
            problem(request, 401, "unauthorized", "Invalid token", null);
            return;
        }
        switch (key) {
            case "GET /users/me" -> json(request, 200, me());
            case "PATCH /users/me" -> {
                if (!body.containsKey("locale")) {
                    problem(request, 400, "validation_failed", "locale missing", null);
                } else if (body.getValue("locale") != null && !List.of("en", "sw").contains(body.getString("locale"))) {
                    problem(request, 400, "validation_failed", "must be one of en, sw", null);
                } else {
                    LOCALE.set(body.getString("locale"));
                    json(request, 200, me());
                }
            }
            case "GET /users/me/sessions" -> request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonArray().add(new JsonObject().put("id", UUID.randomUUID().toString())
                            .put("deviceId", "browser").put("ipAddress", "203.0.113.7").put("userAgent", "Test/1")
                            .put("createdAt", "2026-11-30T10:00:00Z").put("lastUsedAt", "2026-11-30T10:00:00Z")
                            .put("current", true)).encode());
            case "GET /users/me/background/software", "GET /users/me/background/hardware" ->
                problem(request, 404, "background_not_found", "No background yet", null);
            case "POST /users/me/phone/verification/confirm" -> problem(request, 422, "otp_invalid",
                    "The code is wrong", 2);
            case "POST /users/me/phone/verification" -> request.response().setStatusCode(202).end();
            case "POST /users/me/email/verification/confirm" -> {
                // The old token's claims say "not verified"; the console must replace it.
                LIVE_ACCESS_TOKENS.remove(token);
                json(request, 200, new JsonObject().put("id", USER_ID.toString()).put("email", EMAIL)
                        .put("emailVerified", true).put("roles", new JsonArray().add("USER")));
            }
            case "POST /auth/logout" -> {
                LIVE_ACCESS_TOKENS.remove(token);
                request.response().setStatusCode(204).end();
            }
            case "GET /companies/mine" -> array(request, new JsonArray().add(new JsonObject()
                    .put("companyId", OWNED_COMPANY).put("name", "Amina Ltd").put("countryCode", "KE")
                    .put("phoneNumber", "+254712345678").put("status", "ACTIVE")
                    .put("createdAt", "2026-11-30T10:00:00Z").put("role", "OWNER")));
            case "GET /companies/" + OWNED_COMPANY + "/members" -> array(request, new JsonArray());
            case "GET /approvals" -> json(request, 200, new JsonObject()
                    .put("items", new JsonArray()
                            .add(request(REQUEST_WITH_CONTACT, "wanjiru@example.co.ke", "+254712000111"))
                            .add(request(REQUEST_WITHOUT_CONTACT, null, null)))
                    .put("page", 0).put("size", 50).put("totalItems", 2).put("totalPages", 1));
            case "POST /users/me/password" -> problem(request, 403, "invalid_credentials", "Invalid credentials", null);
            case "GET /users" -> json(request, 200, users(request));
            case "PUT /companies/KE-ABCD-1234/status" -> problem(request, 409, "illegal_transition",
                    "DEACTIVATED is final", null);
            default -> problem(request, 404, "not_found", "No stub for " + key, null);
        }
    }

    /**
     * auth-service's paged search: one person for most terms; 45 people (three pages of 20) for the language
     * {@value #MANY}, each page telling which page it is in its people's addresses.
     */
    private static JsonObject users(HttpServerRequest request) {
        String language = request.getParam("language");
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        long total = MANY.equals(language) ? 45 : 1;
        JsonArray items = new JsonArray();
        for (long i = (long) page * size; i < Math.min(total, (long) (page + 1) * size); i++) {
            String email = total == 1 ? "found-" + language + "@example.com" : "p" + page + "-" + i + "@example.com";
            items.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("email", email)
                    .put("phoneNumber", "+254700000001").put("verificationStatus", "VERIFIED"));
        }
        return new JsonObject().put("items", items).put("page", page).put("size", size).put("totalItems", total)
                .put("totalPages", (total + size - 1) / size);
    }

    private static JsonObject me() {
        return new JsonObject().put("id", USER_ID.toString()).put("email", EMAIL).put("phoneNumber", "+254712345678")
                .put("emailVerified", false).put("phoneVerified", false).put("verificationStatus", "UNVERIFIED")
                .put("roles", new JsonArray().add("USER")).put("createdAt", "2026-11-30T10:00:00Z")
                .put("locale", LOCALE.get());
    }

    private static JsonObject request(UUID id, String email, String phone) {
        return new JsonObject().put("id", id.toString()).put("companyId", OWNED_COMPANY)
                .put("userId", UUID.randomUUID().toString()).put("requestedRole", "STAFF").put("status", "PENDING")
                .put("expiresAt", "2026-12-14T10:00:00Z").put("createdAt", "2026-11-30T10:00:00Z")
                .put("requesterEmail", email).put("requesterPhone", phone);
    }

    private static void array(HttpServerRequest request, JsonArray body) {
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body == null ? "[]" : body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String code, String detail,
            Integer remainingAttempts) {
        JsonObject problem = new JsonObject().put("type", "https://gatehouse.dev/problems/" + code)
                .put("title", "Problem").put("status", status).put("detail", detail).put("code", code);
        if (remainingAttempts != null) {
            problem.put("remainingAttempts", remainingAttempts);
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }
}
