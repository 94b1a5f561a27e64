package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Test helper: fresh, unique accounts and their tokens, made through the public API. */
final class Accounts {

    static final String PASSWORD = "correct horse 42";
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));

    private Accounts() {
    }

    static String uniqueEmail() {
        return "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.com";
    }

    static String uniquePhone() {
        long digits = 700_000_000L + Math.floorMod(System.nanoTime() + SEQUENCE.incrementAndGet() * 7919, 99_999_999L);
        return "+254" + digits;
    }

    static JsonPath register(String email, String phone) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "phoneNumber", phone))
                .when().post("/auth/register")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath login(String email, String deviceId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "deviceId", deviceId))
                .when().post("/auth/login")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A registered account, logged in on one device. */
    static Tokens signedIn() {
        String email = uniqueEmail();
        register(email, uniquePhone());
        JsonPath tokens = login(email, "laptop");
        return new Tokens(email, tokens.getString("accessToken"), tokens.getString("refreshToken"),
                tokens.getString("sessionId"));
    }

    record Tokens(String email, String accessToken, String refreshToken, String sessionId) {
    }
}
