package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.HangUps.Request;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A thousand clients that hang up in the middle of their requests, through the gateway (which resets the stream to
 * the service, as an Envoy-based gateway does) and straight at auth-service's port: afterwards every service answers
 * as before and none logged an error.
 */
@ExtendWith(LocalRunExtension.class)
class HangUpIT {

    private static final Duration SOON = Duration.ofMillis(2);
    private static final Duration LATE = Duration.ofMillis(80);

    @Test
    void aThousandHangUpsLeaveEveryServiceServing() throws Exception {
        Gatehouse.Person me = Gatehouse.signUp();
        int gateway = RestAssured.port;
        int auth = Integer.getInteger(LocalRunExtension.servicePortProperty("auth-service"));
        String login = "{\"email\":\"" + me.email() + "\",\"password\":\"" + Gatehouse.PASSWORD
                + "\",\"deviceId\":\"hang-up\"}";
        String refresh = "{\"refreshToken\":\"" + me.refreshToken() + "\"}";
        String company = "{\"name\":\"Hang-up Ltd\",\"countryCode\":\"KE\",\"phoneNumber\":\"+254712345678\"}";
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + me.accessToken());

        // Logins cost an Argon2 hash each, so fewer of them; refreshes and company creations are the cheap majority.
        HangUps.send(gateway, 40, 20, SOON, LATE, i -> Request.postJson("/auth/login", login, Map.of()));
        HangUps.send(auth, 40, 20, SOON, LATE, i -> Request.postJson("/auth/login", login, Map.of()));
        HangUps.send(gateway, 240, 30, SOON, LATE, i -> Request.postJson("/auth/refresh", refresh, Map.of()));
        HangUps.send(auth, 240, 30, SOON, LATE, i -> Request.postJson("/auth/refresh", refresh, Map.of()));
        HangUps.send(gateway, 240, 30, SOON, LATE, i -> Request.postJson("/companies", company, bearer));
        HangUps.send(gateway, 200, 30, SOON, LATE, i -> new Request("GET", "/users/me", bearer, null));

        // Someone else afterwards: the burst of logins may still hold the first account's login reservations.
        Gatehouse.Person again = signUpOnceHashingHasRoom();
        HangUps.assertStillServes(60, 30, 200, i -> given().auth().oauth2(again.accessToken())
                .when().get("/users/me").then().extract().statusCode());
        // Reads: one person may create only a few companies an hour, and that limit is not what is tested here.
        HangUps.assertStillServes(60, 30, 200, i -> given().auth().oauth2(again.accessToken())
                .when().get("/companies/mine").then().extract().statusCode());
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", again.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200);

        assertEquals(List.of(), LocalRunExtension.current().serviceErrors(),
                "errors the services logged while their clients hung up");
    }

    /**
     * A new person, once the hashing queue the burst of logins filled has room again: until then registration
     * answers 503 hashing_busy with Retry-After, which is auth-service protecting itself, not a failure.
     */
    private static Gatehouse.Person signUpOnceHashingHasRoom() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return Gatehouse.signUp();
            } catch (AssertionError busy) {
                if (!String.valueOf(busy.getMessage()).contains("<503>") || System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(500);
            }
        }
    }
}
