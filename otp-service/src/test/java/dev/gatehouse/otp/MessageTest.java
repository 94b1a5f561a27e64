package dev.gatehouse.otp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TestIssuer;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** POST /messages: mail another service wrote, delivered through the same relay and recorded without its body. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class MessageTest {

    private static final String RESET_TEXT = "Choose a new password: https://app.example.com/reset?token=s3cr3t\n";

    @Inject
    Database database;

    @Test
    void aMessageArrivesAndIsRecordedWithoutItsBody() throws Exception {
        String address = Otps.uniqueEmail();
        Map<String, Object> body = message(address.toUpperCase());
        body.put("html", "<p>Choose a <a href=\"https://app.example.com/reset?token=s3cr3t\">new password</a></p>");

        Response sent = send(body);
        sent.then().statusCode(202).contentType(ContentType.JSON)
                .body("channel", equalTo("EMAIL"))
                .body("to", equalTo(address))
                .body("status", equalTo("SENT"));
        assertEquals(Set.of("id", "channel", "to", "status"), sent.jsonPath().getMap("$").keySet());
        String id = sent.path("id");

        List<MimeMessage> mails = MailServer.get().messagesTo(address);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals("Reset your Gatehouse password", mail.getSubject());
        assertEquals(MailServer.FROM, mail.getFrom()[0].toString());
        assertEquals(RESET_TEXT.strip(), textOf(mail));
        assertTrue(MailServer.part(mail, "text/html").contains("reset?token=s3cr3t"));

        List<Map<String, Object>> rows = database.query(
                "SELECT channel, destination, subject, status, error FROM messages WHERE id = ?::uuid", id);
        Map<String, Object> expected = new HashMap<>();
        expected.put("channel", "EMAIL");
        expected.put("destination", address);
        expected.put("subject", "Reset your Gatehouse password");
        expected.put("status", "SENT");
        expected.put("error", null);
        assertEquals(List.of(expected), rows);
        // The body may hold a secret link: no column could keep it.
        List<Map<String, Object>> columns = database.query("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'messages' ORDER BY column_name");
        assertEquals(List.of("channel", "created_at", "destination", "error", "id", "status", "subject"),
                columns.stream().map(column -> column.get("column_name")).toList());
    }

    @Test
    void htmlIsOptional() {
        String address = Otps.uniqueEmail();
        send(message(address)).then().statusCode(202);
        MimeMessage mail = MailServer.get().messagesTo(address).get(0);
        assertEquals(RESET_TEXT.strip(), textOf(mail));
        assertNull(MailServer.part(mail, "text/html"));
    }

    @Test
    void missingFieldsAreListed() {
        post(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("to"))
                .body("errors.field", hasItem("subject"))
                .body("errors.field", hasItem("text"));
    }

    @Test
    void onlyEmailIsSupported() {
        Map<String, Object> sms = message("+254712345678");
        sms.put("channel", "SMS");
        post(sms).statusCode(400).body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", equalTo(
                        "only EMAIL messages are supported; send codes by SMS through POST /otp"));
        Map<String, Object> fax = message(Otps.uniqueEmail());
        fax.put("channel", "FAX");
        post(fax).statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void everyFieldIsChecked() {
        for (String bad : new String[] { "not-an-email", "a@b", "person@example.com\r\nBcc: x@y.z", "+254712345678" }) {
            rejects(with("to", bad), "to");
        }
        rejects(with("subject", " "), "subject");
        rejects(with("subject", "s".repeat(201)), "subject");
        rejects(with("subject", "Reset\r\nBcc: someone@example.com"), "subject");
        rejects(with("text", " \n "), "text");
        rejects(with("text", "t".repeat(10_001)), "text");
        rejects(with("html", "h".repeat(50_001)), "html");
        rejects(with("html", "  "), "html");
        // The limits themselves are allowed.
        Map<String, Object> longest = message(Otps.uniqueEmail());
        longest.put("subject", "s".repeat(200));
        longest.put("text", "t".repeat(10_000));
        longest.put("html", "h".repeat(50_000));
        send(longest).then().statusCode(202);
    }

    @Test
    void aDestinationGetsAtMostTenMessagesAnHour() throws InterruptedException {
        awayFromAWindowBoundary();
        String address = Otps.uniqueEmail();
        for (int i = 0; i < 10; i++) {
            send(message(address)).then().statusCode(202);
        }

        Response refused = send(message(address));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("limit", equalTo("message_destination"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(10, MailServer.get().messagesTo(address).size());
        assertEquals(List.of(Map.of("count", 10)),
                database.query("SELECT count FROM otp_rate_limits WHERE key = ?", "message:" + address));

        // Counted apart from codes: the same address still receives its verification code, and others their mail.
        Otps.create("EMAIL_VERIFICATION", "EMAIL", address).then().statusCode(201);
        send(message(Otps.uniqueEmail())).then().statusCode(202);
    }

    @Test
    void parallelMessagesToOneAddressCannotOverrunItsLimit() throws Exception {
        awayFromAWindowBoundary();
        String address = Otps.uniqueEmail();
        int parallel = 30;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(message(address));
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 429) {
                    response.then().body("code", equalTo("rate_limited")).header("Retry-After", notNullValue());
                }
            }
            assertEquals(Map.of(202, 10, 429, parallel - 10), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, MailServer.get().messagesTo(address).size());
        assertEquals(List.of(Map.of("count", 10L)),
                database.query("SELECT count(*) AS count FROM messages WHERE destination = ?", address));
        assertEquals(List.of(Map.of("count", 10)),
                database.query("SELECT count FROM otp_rate_limits WHERE key = ?", "message:" + address));
    }

    @Test
    void onlyServicesMaySend() {
        String address = Otps.uniqueEmail();
        given().auth().oauth2(TestIssuer.shared().userToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(message(address)).when().post("/messages")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(message(address)).when().post("/messages")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        assertTrue(MailServer.get().messagesTo(address).isEmpty());
    }

    @Test
    void anUnreachableRelayIsABadGatewayAndRecorded() {
        String address = Otps.uniqueEmail();
        MailServer.get().whileDown(() -> send(message(address)).then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery_failed"))
                .body("provider", equalTo("smtp")));

        List<Map<String, Object>> rows = database.query(
                "SELECT status, error IS NOT NULL AS has_error FROM messages WHERE destination = ?", address);
        assertEquals(List.of(Map.of("status", "FAILED", "has_error", true)), rows);

        // The relay is back: the next try goes through.
        send(message(address)).then().statusCode(202).body("status", equalTo("SENT"));
        assertEquals(1, MailServer.get().messagesTo(address).size());
    }

    private static Map<String, Object> message(String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "EMAIL");
        body.put("to", to);
        body.put("subject", "Reset your Gatehouse password");
        body.put("text", RESET_TEXT);
        return body;
    }

    private static Map<String, Object> with(String field, String value) {
        Map<String, Object> body = message(Otps.uniqueEmail());
        body.put(field, value);
        return body;
    }

    private static void rejects(Map<String, Object> body, String field) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo(field));
    }

    private static Response send(Map<String, ?> body) {
        return Otps.asService().contentType(ContentType.JSON).body(body).when().post("/messages");
    }

    private static ValidatableResponse post(Map<String, ?> body) {
        return send(body).then().log().ifValidationFails();
    }

    private static String textOf(MimeMessage mail) {
        return MailServer.part(mail, "text/plain").replace("\r\n", "\n").strip();
    }

    /** The hourly windows are aligned to the clock; a test that straddles two would count in both. */
    private static void awayFromAWindowBoundary() throws InterruptedException {
        long intoTheHour = Instant.now().getEpochSecond() % 3600;
        if (intoTheHour > 3590) {
            Thread.sleep((3601 - intoTheHour) * 1000);
        }
    }
}
