package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What a client of Gatehouse does, step by step, through the gateway; and what the dev inbox received. */
final class Gatehouse {

    static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])\\d{6}(?![\\w-])");
    private static final Pattern LINK = Pattern.compile("https?://\\S+?token=[A-Za-z0-9_\\-.%]+");

    private Gatehouse() {
    }

    /** A person with a fresh email address and phone number, registered and logged in on one device. */
    record Person(String id, String email, String phone, String accessToken, String refreshToken) {

        Person loggedInAgain(String deviceId) {
            JsonPath tokens = login(email, PASSWORD, deviceId);
            return new Person(id, email, phone, tokens.getString("accessToken"), tokens.getString("refreshToken"));
        }
    }

    static Person signUp() {
        String email = uniqueEmail();
        String phone = uniqueKenyanMobile();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "phoneNumber", phone))
                .when().post("/auth/register")
                .then().statusCode(201).extract().path("id");
        JsonPath tokens = login(email, PASSWORD, "laptop");
        return new Person(id, email, phone, tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }

    static JsonPath login(String email, String password, String deviceId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "deviceId", deviceId))
                .when().post("/auth/login")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Verifies the phone by SMS code and the email by emailed code, then logs in again for fresh claims. */
    static Person verified(Person person) {
        String smsCode = awaitCode(person.phone(), () -> given().auth().oauth2(person.accessToken())
                .when().post("/users/me/phone/verification").then().statusCode(202));
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of("code", smsCode))
                .when().post("/users/me/phone/verification/confirm").then().statusCode(200);
        String emailCode = awaitCode(person.email(), () -> given().auth().oauth2(person.accessToken())
                .when().post("/users/me/email/verification").then().statusCode(202));
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of("code", emailCode))
                .when().post("/users/me/email/verification/confirm").then().statusCode(200);
        return person.loggedInAgain("laptop");
    }

    /** Registers a company and verifies its phone with the SMS code, so it is ACTIVE. */
    static String activeCompany(Person owner) {
        String phone = uniqueKenyanMobile();
        String companyId = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E " + UUID.randomUUID().toString().substring(0, 8), "countryCode", "KE",
                        "phoneNumber", phone))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");
        String code = awaitCode(phone, () -> given().auth().oauth2(owner.accessToken())
                .when().post("/companies/{id}/verification", companyId).then().statusCode(202));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when().post("/companies/{id}/verification/confirm", companyId).then().statusCode(200);
        return companyId;
    }

    /**
     * Does something that sends a message, then waits (bounded) until the dev inbox holds one more message for the
     * destination than before, and answers its text. Some mail leaves after the answer (password reset), so the
     * inbox is polled rather than read once.
     */
    static String awaitNewMessage(String destination, Runnable send) {
        int before = inbox(destination).size();
        send.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Map<String, Object>> messages = inbox(destination);
        while (messages.size() <= before && System.nanoTime() < deadline) {
            sleep();
            messages = inbox(destination);
        }
        assertTrue(messages.size() > before, "no new message in the dev inbox for " + destination);
        return String.valueOf(messages.get(0).get("text"));
    }

    static String awaitCode(String destination, Runnable send) {
        String text = awaitNewMessage(destination, send);
        Matcher code = CODE.matcher(text);
        assertTrue(code.find(), "no six-digit code in: " + text);
        return code.group();
    }

    /** The path and query of the link in the new message, to follow through this gateway. */
    static String awaitLink(String destination, Runnable send) {
        String text = awaitNewMessage(destination, send);
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "no link in: " + text);
        URI uri = URI.create(link.group());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /**
     * Repeats {@code check} until it passes, for at most {@code bound}: for what another service does a moment after
     * the answer (an outbox delivery, a revocation reaching a service). The last failure is rethrown.
     */
    static void eventually(Duration bound, Runnable check) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                sleep();
            }
        }
    }

    /** How many messages the dev inbox holds for the destination. */
    static int inboxSize(String destination) {
        return inbox(destination).size();
    }

    private static List<Map<String, Object>> inbox(String destination) {
        return given().queryParam("to", destination).when().get("/dev/inbox")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String uniqueEmail() {
        return "e2e-" + UUID.randomUUID() + "@example.com";
    }

    /** +254 7xx xxx xxx is a Kenyan mobile range, so strict E.164 validation accepts it. */
    static String uniqueKenyanMobile() {
        return "+2547" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
