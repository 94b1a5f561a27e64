package dev.gatehouse.otp;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import dev.gatehouse.testing.TestIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test helper: calls otp-service as another service would, and reads the codes from the stubs' inboxes. */
final class Otps {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L));
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private Otps() {
    }

    /** A request carrying auth-service's service token, which may issue and check codes and send messages. */
    static RequestSpecification asService() {
        return given().auth().oauth2(TestIssuer.shared().serviceToken("auth-service"));
    }

    static String uniquePhone() {
        return "+2547" + String.format("%08d", Math.floorMod(SEQUENCE.incrementAndGet() * 7919, 100_000_000L));
    }

    static String uniqueEmail() {
        return "person" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    static Response create(String type, String channel, String destination) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("destination", destination);
        return asService().contentType(ContentType.JSON).body(body).when().post("/otp");
    }

    /** A code for {@code subjectId} (may be {@code null}) asked for by the end user at {@code clientIp} (may be null). */
    static Response createFor(String type, String channel, String destination, UUID subjectId, String clientIp) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("destination", destination);
        if (subjectId != null) {
            body.put("subjectId", subjectId.toString());
        }
        if (clientIp != null) {
            body.put("clientIp", clientIp);
        }
        return asService().contentType(ContentType.JSON).body(body).when().post("/otp");
    }

    /** A fresh Tanzanian mobile number (+255). */
    static String uniqueTanzanianPhone() {
        return "+2557" + String.format("%08d", Math.floorMod(SEQUENCE.incrementAndGet() * 7919, 100_000_000L));
    }

    /** A code whose mail also carries a link built from {@code linkTemplate}. */
    static Response createWithLink(String type, String channel, String destination, String linkTemplate) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("destination", destination);
        body.put("linkTemplate", linkTemplate);
        return asService().contentType(ContentType.JSON).body(body).when().post("/otp");
    }

    /** The newest mail to {@code address}. */
    static MimeMessage lastEmail(String address) {
        List<MimeMessage> mails = MailServer.get().messagesTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail reached " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** A pending SMS code for a fresh number; the id. */
    static String createSms(String type, String phone) {
        return create(type, "SMS", phone).then().statusCode(201).extract().path("id");
    }

    static Response verify(String id, String code) {
        return asService().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/otp/{id}/verify", id);
    }

    static Response resend(String id) {
        return asService().when().post("/otp/{id}/resend", id);
    }

    /** The code in the newest text to {@code phone}. */
    static String lastSmsCode(String phone) {
        List<TwilioStub.Sms> texts = TwilioStub.get().messagesTo(phone);
        if (texts.isEmpty()) {
            throw new AssertionError("No SMS reached " + phone);
        }
        return codeIn(texts.get(texts.size() - 1).body());
    }

    /** The code in the plain-text part of the newest mail to {@code address}. */
    static String lastEmailCode(String address) {
        return codeIn(MailServer.part(lastEmail(address), "text/plain"));
    }

    static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code in: " + text);
        }
        return matcher.group(1);
    }

    /** A six-digit code that is certainly not {@code code}. */
    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
