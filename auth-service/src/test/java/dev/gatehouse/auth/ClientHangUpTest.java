package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.HangUps.Request;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Clients that hang up in the middle of a transactional request (login, refresh, register) must not take the
 * service down: every transaction they started finishes or rolls back and returns its connection, and the service
 * answers normally afterwards.
 */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class ClientHangUpTest {

    private static final Duration SOON = Duration.ofMillis(5);
    private static final Duration LATE = Duration.ofMillis(120);

    @Inject
    AgroalDataSource database;

    @Test
    void loginsRefreshesAndRegistrationsThatHangUpLeaveTheServiceServing() {
        People me = People.signUp();
        int port = RestAssured.port;
        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            hangUps(me, port);
            errors.assertNone();
        }
    }

    private void hangUps(People me, int port) {
        String login = "{\"email\":\"" + me.email() + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"deviceId\":\"hang-up\"}";
        HangUps.send(port, 60, 20, SOON, LATE, i -> Request.postJson("/auth/login", login, Map.of()));

        // Another person's session: the burst of logins above may hold the first account's login reservations.
        String refresh = "{\"refreshToken\":\"" + signUpOnceHashingHasRoom().refreshToken() + "\"}";
        HangUps.send(port, 60, 20, SOON, LATE, i -> Request.postJson("/auth/refresh", refresh, Map.of()));

        HangUps.send(port, 60, 20, SOON, LATE, i -> Request.postJson("/auth/register",
                "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"phoneNumber\":\"" + Accounts.uniquePhone() + "\"}",
                Map.of()));

        HangUps.assertNoTransactionLeftOpen(database, Duration.ofSeconds(20));
        People after = signUpOnceHashingHasRoom();
        HangUps.assertStillServes(60, 30, 200, i -> given().auth().oauth2(after.accessToken())
                .when().get("/users/me").then().extract().statusCode());
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", after.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200);
    }

    /**
     * A new person, once the hashing queue the hang-ups filled has room again: until then registration answers 503
     * hashing_busy with Retry-After, which is the service protecting itself, not a failure.
     */
    private static People signUpOnceHashingHasRoom() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return People.signUp();
            } catch (AssertionError busy) {
                if (!String.valueOf(busy.getMessage()).contains("<503>") || System.nanoTime() > deadline) {
                    throw busy;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
