package dev.gatehouse.otp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Twilio's Messages API on 127.0.0.1, as otp-service calls it in production: the same path, Basic auth with the
 * account sid and auth token, form fields {@code To}, {@code From}, {@code Body}, and Twilio's answers (201 with a
 * Message resource, errors as {@code {code, message, more_info, status}}). Tests read the texts it received and can
 * make the next calls fail.
 */
public class TwilioStub implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "fedcba9876543210fedcba9876543210";
    static final String FROM = "+15005550006";

    /** One text Twilio accepted. */
    public record Sms(String sid, String to, String from, String body) {
    }

    private record Canned(int status, int code, String message) {
    }

    private static volatile TwilioStub running;

    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Canned> failures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Twilio stub", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        running = this;
        return Map.of("quarkus.rest-client.twilio.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "gatehouse.otp.twilio.account-sid", ACCOUNT_SID,
                "gatehouse.otp.twilio.auth-token", AUTH_TOKEN,
                "gatehouse.otp.twilio.from", FROM);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static TwilioStub get() {
        return running;
    }

    /** The texts sent to {@code to}, oldest first. */
    List<Sms> messagesTo(String to) {
        return received.stream().filter(sms -> sms.to().equals(to)).toList();
    }

    /** Every call that reached the stub, answered or failed. */
    int callCount() {
        return calls.get();
    }

    /** The next call is answered with this Twilio error instead of a message. */
    void failNext(int status, int twilioCode, String message) {
        failures.add(new Canned(status, twilioCode, message));
    }

    void reset() {
        failures.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
            if (!"POST".equals(exchange.getRequestMethod()) || !expectedPath.equals(exchange.getRequestURI().getPath())) {
                error(exchange, 404, 20404, "The requested resource was not found");
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
                error(exchange, 400, 20001, "Expected a form body, got " + contentType);
                return;
            }
            Map<String, String> form = parseForm(exchange.getRequestBody());
            Canned failure = failures.poll();
            if (failure != null) {
                error(exchange, failure.status(), failure.code(), failure.message());
                return;
            }
            String to = form.get("To");
            String from = form.get("From");
            String body = form.get("Body");
            if (to == null || !to.matches("^\\+[1-9][0-9]{6,14}$")) {
                error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
            } else if (from == null || from.isBlank()) {
                error(exchange, 400, 21603, "A 'From' phone number is required.");
            } else if (body == null || body.isBlank()) {
                error(exchange, 400, 21602, "Message body is required.");
            } else {
                String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
                received.add(new Sms(sid, to, from, body));
                respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID
                        + "\",\"to\":\"" + to + "\",\"from\":\"" + from + "\",\"status\":\"queued\","
                        + "\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\",\"num_segments\":\"1\","
                        + "\"error_code\":null,\"error_message\":null,\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID
                        + "/Messages/" + sid + ".json\"}");
            }
        }
    }

    private static Map<String, String> parseForm(InputStream input) throws IOException {
        String raw = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        respond(exchange, status, "{\"code\":" + code + ",\"message\":\"" + message.replace("\"", "'")
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
