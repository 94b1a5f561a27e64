package dev.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * otp-service's {@code POST /messages} at the wire: an HTTP server on 127.0.0.1 that accepts only auth-service's
 * service token, checks the body like otp-service does and keeps every email, so tests read links and codes from
 * the text a person would get. Addresses starting with {@code undeliverable} get 502 {@code delivery_failed}.
 */
public class MessagesStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<JsonObject>> SENT = new ConcurrentHashMap<>();
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/auth/password/reset\\?token=)([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(MessagesStub::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        return Map.of("quarkus.rest-client.otp-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Every email sent to the address so far, oldest first. */
    static List<JsonObject> mailsTo(String to) {
        return List.copyOf(SENT.getOrDefault(to, List.of()));
    }

    /** Waits for the {@code n}th email (1-based) to the address, the way a person waits for their inbox. */
    static JsonObject awaitMail(String to, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonObject> mails = mailsTo(to);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            pause(50);
        }
        throw new AssertionError("no email #" + n + " to " + to + " within 10 s");
    }

    /** The reset link's token, read from the email's text. */
    static String linkToken(JsonObject mail) {
        return group(LINK, mail.getString("text"), 2);
    }

    /** The reset link's address up to the token. */
    static String linkPrefix(JsonObject mail) {
        return group(LINK, mail.getString("text"), 1);
    }

    static String code(JsonObject mail) {
        return group(CODE, mail.getString("text"), 1);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("nothing matching " + pattern + " in: " + text);
        }
        return matcher.group(group);
    }

    private static void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (!request.path().equals("/messages") || !"POST".equals(request.method().name())) {
                request.response().setStatusCode(404).end();
            } else if (!isAuthServiceToken(request.getHeader("Authorization"))) {
                problem(request, 401, "unauthorized", null);
            } else {
                send(request, body.toJsonObject());
            }
        });
    }

    private static void send(HttpServerRequest request, JsonObject message) {
        JsonArray errors = new JsonArray();
        if (!"EMAIL".equals(message.getString("channel"))) {
            errors.add(new JsonObject().put("field", "channel").put("message", "must be SMS or EMAIL"));
        }
        for (String field : List.of("to", "subject", "text")) {
            if (message.getString(field, "").isBlank()) {
                errors.add(new JsonObject().put("field", field).put("message", "must not be blank"));
            }
        }
        if (!errors.isEmpty()) {
            problem(request, 400, "validation_failed", errors);
            return;
        }
        String to = message.getString("to");
        if (to.startsWith("undeliverable")) {
            problem(request, 502, "delivery_failed", null);
            return;
        }
        SENT.computeIfAbsent(to, ignored -> new CopyOnWriteArrayList<>()).add(message);
        request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("channel", "EMAIL")
                        .put("to", to).put("status", "SENT").encode());
    }

    /** auth-service signs its own service token: {@code token_use: service}, client {@code auth-service}. */
    private static boolean isAuthServiceToken(String authorization) {
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

    private static void problem(HttpServerRequest request, int status, String code, JsonArray errors) {
        JsonObject body = new JsonObject().put("status", status).put("code", code).put("title", "stub")
                .put("detail", "stub says " + code);
        if (errors != null) {
            body.put("errors", errors);
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }
}
