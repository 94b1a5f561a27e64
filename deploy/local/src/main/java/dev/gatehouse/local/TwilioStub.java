package dev.gatehouse.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Twilio's Messages API as otp-service's production client calls it: same path, form fields, Basic auth, answers
 * and error codes. Pointing TWILIO_BASE_URL here is the only difference from production, so the SMS path that runs
 * locally is the real one, and every accepted message lands in the dev inbox.
 */
final class TwilioStub implements MessageSource {

    private static final String API_VERSION = "2010-04-01";
    private static final Pattern MESSAGES_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    /** E.164, which is what Twilio requires of a To number. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final int MAX_BODY_CHARACTERS = 1600;
    /** Twilio writes dates in RFC 2822 form with a numeric zone, e.g. "Thu, 24 Aug 2023 05:01:45 +0000". */
    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final String accountSid;
    private final String authToken;
    private final List<InboxMessage> sent = new CopyOnWriteArrayList<>();
    private HttpServer server;

    TwilioStub(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    /** Port 0 picks a free port; the future carries the port listened on. */
    Future<Integer> listen(Vertx vertx, int port) {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(this::handle);
        return server.listen().map(HttpServer::actualPort);
    }

    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Twilio and people write numbers differently; the digits decide, so "+254 712..." finds "+254712...". */
    @Override
    public List<InboxMessage> messagesTo(String destination) {
        String digits = digitsOf(destination);
        List<InboxMessage> matching = new ArrayList<>();
        for (InboxMessage message : sent) {
            if (!digits.isEmpty() && digits.equals(digitsOf(message.to()))) {
                matching.add(message);
            }
        }
        return matching;
    }

    private void handle(HttpServerRequest request) {
        Matcher path = MESSAGES_PATH.matcher(request.path());
        if (!path.matches()) {
            error(request.response(), 404, 20404, "The requested resource " + request.path() + " was not found");
            return;
        }
        if (!isAuthenticated(request.getHeader("Authorization")) || !accountSid.equals(path.group(1))) {
            request.response().putHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            error(request.response(), 401, 20003, "Authenticate");
            return;
        }
        if (request.method() != HttpMethod.POST) {
            error(request.response(), 405, 20004, "Method not allowed");
            return;
        }
        request.setExpectMultipart(true);
        request.end().onSuccess(done -> createMessage(request.formAttributes(), request.response()));
    }

    private boolean isAuthenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return pair.equals(accountSid + ":" + authToken);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private void createMessage(MultiMap form, HttpServerResponse response) {
        String to = form.get("To");
        String from = form.get("From");
        String messagingServiceSid = form.get("MessagingServiceSid");
        String body = form.get("Body");
        if (isBlank(to)) {
            error(response, 400, 21604, "A 'To' phone number is required.");
        } else if (!E164.matcher(to.trim()).matches()) {
            error(response, 400, 21211, "Invalid 'To' Phone Number: " + to);
        } else if (isBlank(from) && isBlank(messagingServiceSid)) {
            error(response, 400, 21603, "A 'From' phone number is required.");
        } else if (isBlank(body)) {
            error(response, 400, 21602, "Message body is required.");
        } else if (body.length() > MAX_BODY_CHARACTERS) {
            error(response, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        } else {
            Instant now = Instant.now();
            sent.add(new InboxMessage(InboxMessage.SMS, to.trim(), null, body, now));
            response.setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(messageResource(to.trim(), from, messagingServiceSid, body, now).encodePrettily());
        }
    }

    private JsonObject messageResource(String to, String from, String messagingServiceSid, String body, Instant now) {
        String sid = "SM" + HexFormat.of().formatHex(randomBytes());
        String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + sid;
        String date = TWILIO_DATE.format(now);
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("api_version", API_VERSION)
                .put("body", body)
                .put("date_created", date)
                .put("date_sent", null)
                .put("date_updated", date)
                .put("direction", "outbound-api")
                .put("error_code", null)
                .put("error_message", null)
                .put("from", isBlank(from) ? null : from)
                .put("messaging_service_sid", isBlank(messagingServiceSid) ? null : messagingServiceSid)
                .put("num_media", "0")
                .put("num_segments", String.valueOf(segments(body)))
                .put("price", null)
                .put("price_unit", "USD")
                .put("sid", sid)
                .put("status", "queued")
                .put("subresource_uris", new JsonObject().put("media", uri + "/Media.json"))
                .put("to", to)
                .put("uri", uri + ".json");
    }

    /** Twilio's error body; more_info points at the error's page, as the real API does. */
    private static void error(HttpServerResponse response, int status, int code, String message) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("code", code)
                        .put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                        .put("status", status)
                        .encode());
    }

    /** A single SMS holds 160 GSM characters; concatenated parts hold 153 each. */
    private static int segments(String body) {
        return body.length() <= 160 ? 1 : (body.length() + 152) / 153;
    }

    private static String digitsOf(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
