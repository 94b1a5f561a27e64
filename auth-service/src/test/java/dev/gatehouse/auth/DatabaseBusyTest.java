package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The fast paths ({@code /users/me} and refresh) send one statement each, in no transaction. When the pool cannot hand
 * out a connection in time, or its wait queue is full, they answer 503 problem+json with Retry-After, and nothing is
 * left to go off later: no error is logged (the pool's own query path used to fail a refused request once more when
 * its wait timer fired, "Result is already complete"), and the service serves normally after.
 */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
@TestProfile(DatabaseBusyTest.OneConnection.class)
class DatabaseBusyTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A short wait queue too, so some requests are refused at once rather than after the wait. No scheduled
            // jobs: on one connection with a 0.3 s wait, a job running at start made the sign-up before the test fail.
            return Map.of("quarkus.datasource.reactive.max-size", "1",
                    "gatehouse.db.acquisition-timeout", "PT0.3S",
                    "gatehouse.db.max-waiting", "4",
                    "gatehouse.outbox.every", "off",
                    "gatehouse.housekeeping.every", "off");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void fastPathsThatCannotGetAConnectionAnswer503AndLeaveNothingBehind() throws Exception {
        People me = People.signUp();
        List<Integer> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            for (int round = 0; round < 3; round++) {
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                try (Connection lock = database.getConnection()) {
                    lock.setAutoCommit(false);
                    try (Statement statement = lock.createStatement()) {
                        statement.execute("lock table users, refresh_tokens in access exclusive mode");
                    }
                    for (int i = 0; i < 24; i++) {
                        calls.add(CompletableFuture.supplyAsync(i % 2 == 0
                                ? () -> given().auth().oauth2(me.accessToken()).when().get("/users/me")
                                        .then().extract().statusCode()
                                : () -> given().contentType(ContentType.JSON)
                                        .body(Map.of("refreshToken", "not-a-live-token-" + System.nanoTime()))
                                        .when().post("/auth/refresh").then().extract().statusCode(),
                                clients));
                    }
                    // Long enough for every waiter to give up while the only connection is stuck on the lock.
                    Thread.sleep(1_000);
                    lock.rollback();
                }
                for (CompletableFuture<Integer> call : calls) {
                    answers.add(call.get());
                }
            }
            // The pool hands out its connection again: the fast paths answer as usual (one at a time: the pool has
            // one connection, and its wait is short in this test).
            HangUps.assertStillServes(20, 1, 200, i -> given().auth().oauth2(me.accessToken())
                    .when().get("/users/me").then().extract().statusCode());
            errors.assertNone();
        } finally {
            clients.shutdownNow();
        }
        assertTrue(answers.contains(503), "some requests could not get the connection in time: " + answers);
        assertEquals(List.of(), answers.stream().filter(status -> status != 200 && status != 401 && status != 503)
                .toList(), "only answers, 401 for the unknown refresh tokens, and 503 while the pool was busy");
        given().auth().oauth2(me.accessToken()).when().get("/users/me").then().statusCode(200);
    }
}
