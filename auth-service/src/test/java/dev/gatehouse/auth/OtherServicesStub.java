package dev.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * otp-service and the internal endpoints of company-service and approval-service, at the wire: one HTTP server on
 * 127.0.0.1 speaking their API (API.md), so auth-service's real REST clients, its own service token and its error
 * translation are exercised. The otp part keeps codes like otp-service does (a new code revokes the pending one of
 * the same destination and type; wrong codes count; the fifth locks), and tests can expire a code, switch on a
 * resend cooldown, make the next send fail, or take a service down.
 */
public class OtherServicesStub implements QuarkusTestResourceLifecycleManager {

    static final int MAX_ATTEMPTS = 5;

    /** Every code issued, by id: the request plus {@code code}, {@code status}, {@code attempts}, timestamps. */
    static final Map<String, JsonObject> OTPS = new ConcurrentHashMap<>();
    /** The newest code and link sent to each destination, as a person would read them. */
    static final Map<String, String> CODES = new ConcurrentHashMap<>();
    static final Map<String, String> LINKS = new ConcurrentHashMap<>();
    /** The last POST /otp body, for checking what auth-service asked for. */
    static final AtomicReference<JsonObject> LAST_REQUEST = new AtomicReference<>();
    /** Seconds before another code may go to the same destination and type; 0 switches the cooldown off. */
    static final AtomicInteger COOLDOWN_SECONDS = new AtomicInteger();
    /** Makes the next POST /otp fail: {@code hourly}, {@code delivery} or {@code rejected}. */
    static final AtomicReference<String> NEXT_SEND_FAILURE = new AtomicReference<>();
    /** Makes the next successful verify name this subject instead of the code's own. */
    static final AtomicReference<String> NEXT_VERIFIED_SUBJECT = new AtomicReference<>();
    static final AtomicBoolean OTP_DOWN = new AtomicBoolean();
    /** otp-service takes requests and never answers. */
    static final AtomicBoolean OTP_HANGS = new AtomicBoolean();
    /** Requests that reached otp-service's part of the stub. */
    static final AtomicInteger OTP_CALLS = new AtomicInteger();

    /**
     * {@code user-deleted} events company-service and approval-service acknowledged, in arrival order, as
     * {@code company:<userId>} and {@code approval:<userId>}; a redelivered event appears again.
     */
    static final List<String> REMOVALS = new CopyOnWriteArrayList<>();
    /** company-service answers 503; approval-service drops the connection (unreachable). */
    static final AtomicBoolean COMPANY_DOWN = new AtomicBoolean();
    static final AtomicBoolean APPROVAL_DOWN = new AtomicBoolean();
    /** company-service takes the next events in, then answers 503 as if its answer were lost. */
    static final AtomicInteger COMPANY_LOSES_ANSWERS = new AtomicInteger();

    private static final AtomicInteger CODE_SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(900_000));

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        // approval-service on its own port: both services have the same path for the user-deleted event.
        HttpServer approvals = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> internal(request, false)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.otp-service.url", url, "quarkus.rest-client.company-service.url", url,
                "quarkus.rest-client.approval-service.url", "http://127.0.0.1:" + approvals.actualPort());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Every switch back to normal; call after each test that flips one. */
    static void reset() {
        COOLDOWN_SECONDS.set(0);
        NEXT_SEND_FAILURE.set(null);
        NEXT_VERIFIED_SUBJECT.set(null);
        OTP_DOWN.set(false);
        OTP_HANGS.set(false);
        COMPANY_DOWN.set(false);
        APPROVAL_DOWN.set(false);
        COMPANY_LOSES_ANSWERS.set(0);
    }

    /** Moves the newest code sent to {@code destination} past its expiry. */
    static void expireLatest(String destination) {
        OTPS.values().stream().filter(otp -> otp.getString("destination").equals(destination))
                .filter(otp -> otp.getString("code").equals(CODES.get(destination)))
                .forEach(otp -> otp.put("expiresAt", Instant.now().minusSeconds(1).toString()));
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            if (path.startsWith("/internal/")) {
                internal(request, true);
                return;
            }
            OTP_CALLS.incrementAndGet();
            if (OTP_HANGS.get()) {
                // No answer: auth-service's timeout has to end the wait.
            } else if (OTP_DOWN.get()) {
                request.response().setStatusCode(503).end();
            } else if (!isOwnServiceToken(request.getHeader("Authorization"))) {
                problem(request, 401, "unauthorized", Map.of());
            } else if (path.equals("/otp") && request.method().name().equals("POST")) {
                create(request, body.toJsonObject());
            } else if (path.startsWith("/otp/") && path.endsWith("/verify")) {
                verify(request, path.split("/")[2], body.toJsonObject());
            } else {
                problem(request, 404, "not_found", Map.of());
            }
        });
    }

    /** {@code PUT /internal/deleted-users/{userId}}, as company-service ({@code company}) or approval-service. */
    private void internal(HttpServerRequest request, boolean company) {
        String path = request.path();
        if (!path.startsWith("/internal/deleted-users/") || !request.method().name().equals("PUT")) {
            problem(request, 404, "not_found", Map.of());
        } else if (company && COMPANY_DOWN.get()) {
            request.response().setStatusCode(503).end();
        } else if (!company && APPROVAL_DOWN.get()) {
            request.connection().close();
        } else if (!isOwnServiceToken(request.getHeader("Authorization"))) {
            problem(request, 403, "forbidden", Map.of());
        } else {
            REMOVALS.add((company ? "company:" : "approval:") + path.split("/")[3]);
            if (company && COMPANY_LOSES_ANSWERS.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                request.response().setStatusCode(503).end();
            } else {
                request.response().setStatusCode(204).end();
            }
        }
    }

    private void create(HttpServerRequest request, JsonObject body) {
        LAST_REQUEST.set(body.copy());
        String destination = body.getString("destination");
        String type = body.getString("type");
        String failure = NEXT_SEND_FAILURE.getAndSet(null);
        if ("hourly".equals(failure)) {
            rateLimited(request, "destination_hourly", 1800);
            return;
        }
        if ("delivery".equals(failure)) {
            problem(request, 502, "delivery_failed", Map.of("provider", "twilio"));
            return;
        }
        if ("rejected".equals(failure)) {
            problem(request, 422, "destination_rejected", Map.of("provider", "twilio"));
            return;
        }
        String link = body.getString("linkTemplate");
        if (link != null && (!"EMAIL".equals(body.getString("channel")) || !link.contains("{token}"))) {
            problem(request, 400, "validation_failed", Map.of());
            return;
        }
        Instant now = Instant.now();
        for (JsonObject earlier : OTPS.values()) {
            if (earlier.getString("destination").equals(destination) && earlier.getString("type").equals(type)
                    && "PENDING".equals(earlier.getString("status"))) {
                long since = now.getEpochSecond() - Instant.parse(earlier.getString("sentAt")).getEpochSecond();
                if (since < COOLDOWN_SECONDS.get()) {
                    rateLimited(request, "resend_cooldown", COOLDOWN_SECONDS.get() - since);
                    return;
                }
                earlier.put("status", "REVOKED");
            }
        }
        String id = UUID.randomUUID().toString();
        String code = String.format("%06d", CODE_SEQUENCE.incrementAndGet() % 1_000_000);
        OTPS.put(id, body.copy().put("code", code).put("attempts", 0).put("status", "PENDING")
                .put("sentAt", now.toString()).put("expiresAt", now.plusSeconds(600).toString()));
        CODES.put(destination, code);
        if (link != null) {
            String token = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((id + "." + code).getBytes(StandardCharsets.UTF_8));
            LINKS.put(destination, link.replace("{token}", token));
        }
        json(request, 201, new JsonObject().put("id", id).put("expiresAt", now.plusSeconds(600).toString())
                .put("resendAvailableAt", now.plusSeconds(COOLDOWN_SECONDS.get()).toString()));
    }

    private void verify(HttpServerRequest request, String id, JsonObject body) {
        JsonObject otp = OTPS.get(id);
        if (otp == null) {
            problem(request, 404, "otp_not_found", Map.of());
            return;
        }
        switch (otp.getString("status")) {
            case "VERIFIED" -> problem(request, 409, "otp_used", Map.of());
            case "REVOKED" -> problem(request, 410, "otp_revoked", Map.of());
            case "LOCKED" -> problem(request, 423, "otp_locked", Map.of());
            case "EXPIRED" -> problem(request, 410, "otp_expired", Map.of());
            default -> check(request, otp, body.getString("code"));
        }
    }

    private void check(HttpServerRequest request, JsonObject otp, String code) {
        if (Instant.parse(otp.getString("expiresAt")).isBefore(Instant.now())) {
            otp.put("status", "EXPIRED");
            problem(request, 410, "otp_expired", Map.of());
        } else if (otp.getString("code").equals(code)) {
            otp.put("status", "VERIFIED");
            String subject = NEXT_VERIFIED_SUBJECT.getAndSet(null);
            json(request, 200, new JsonObject().put("status", "VERIFIED")
                    .put("subjectId", subject != null ? subject : otp.getString("subjectId"))
                    .put("destination", otp.getString("destination")).put("type", otp.getString("type")));
        } else {
            int attempts = otp.getInteger("attempts") + 1;
            otp.put("attempts", attempts);
            if (attempts >= MAX_ATTEMPTS) {
                otp.put("status", "LOCKED");
                problem(request, 423, "otp_locked", Map.of());
            } else {
                problem(request, 422, "otp_invalid", Map.of("remainingAttempts", MAX_ATTEMPTS - attempts));
            }
        }
    }

    /** auth-service's own service token: {@code token_use: service}, client {@code auth-service}. */
    private static boolean isOwnServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return "service".equals(claims.getString("token_use")) && "auth-service".equals(claims.getString("client_id"));
    }

    private static void rateLimited(HttpServerRequest request, String limit, long retryAfterSeconds) {
        request.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        problem(request, 429, "rate_limited", Map.of("limit", limit));
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
