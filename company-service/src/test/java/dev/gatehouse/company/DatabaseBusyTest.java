package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.TrustAuthService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * When the pool cannot hand out a connection (here: its only connection waits on a lock), a request fails fast with
 * 503 problem+json and Retry-After instead of queueing for the driver's default 30 seconds and answering 500.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@TestProfile(DatabaseBusyTest.OneConnection.class)
class DatabaseBusyTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A short wait queue too, so some requests are refused at once rather than after the wait.
            return Map.of("quarkus.datasource.reactive.max-size", "1",
                    "gatehouse.db.acquisition-timeout", "PT0.5S",
                    "gatehouse.db.max-waiting", "2");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aRequestThatCannotGetAConnectionAnswers503WithRetryAfter() throws Exception {
        String token = Companies.ISSUER.userToken(UUID.randomUUID());
        CompletableFuture<Integer> blocked;
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table companies, company_members in access exclusive mode");
            }
            blocked = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                    .when().get("/companies/mine").then().extract().statusCode());
            awaitWaitingOnTheLock();

            given().auth().oauth2(token).when().get("/companies/mine")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("database_unavailable"));
            lock.rollback();
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, blocked.get(),
                "the request that held the connection finishes once the lock is gone");
        given().auth().oauth2(token).when().get("/companies/mine").then().statusCode(200);
    }

    /**
     * Reads and writes refused at once by a full wait queue, or after the wait, answer 503 and leave nothing to go
     * off later: no error is logged (the pool's own query shortcut fails a refused request once more when its wait
     * timer fires, "Result is already complete"), and the service serves normally after.
     */
    @Test
    void requestsRefusedByAFullWaitQueueAnswer503AndLeaveNothingBehind() throws Exception {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.create(owner);
        String token = Companies.ISSUER.userToken(owner);
        List<Integer> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            try (Connection lock = database.getConnection()) {
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("lock table companies, company_members in access exclusive mode");
                }
                for (int i = 0; i < 24; i++) {
                    calls.add(CompletableFuture.supplyAsync(i % 3 == 0
                            ? () -> given().auth().oauth2(token).when().get("/companies/" + companyId)
                                    .then().extract().statusCode()
                            : i % 3 == 1
                                    ? () -> given().auth().oauth2(token).when().get("/companies/mine")
                                            .then().extract().statusCode()
                                    : () -> given().auth().oauth2(token).when()
                                            .get("/companies/" + companyId + "/members")
                                            .then().extract().statusCode(),
                            clients));
                }
                // Long enough for every waiter to give up while the only connection is stuck on the lock.
                Thread.sleep(1_500);
                lock.rollback();
            }
            for (CompletableFuture<Integer> call : calls) {
                answers.add(call.get());
            }
            HangUps.assertStillServes(10, 1, 200, i -> given().auth().oauth2(token)
                    .when().get("/companies/mine").then().extract().statusCode());
            errors.assertNone();
        } finally {
            clients.shutdownNow();
        }
        org.junit.jupiter.api.Assertions.assertTrue(answers.contains(503),
                "some requests could not get the connection in time: " + answers);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(),
                answers.stream().filter(status -> status != 200 && status != 503).toList(),
                "only answers, and 503 while the pool was busy");
    }

    /** Until the first request's query waits on the table lock, so it holds the pool's only connection. */
    private void awaitWaitingOnTheLock() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("select count(*) from pg_stat_activity"
                            + " where wait_event_type = 'Lock' and datname = current_database()")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first request never reached the lock");
    }
}
