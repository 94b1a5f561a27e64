package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.security.HashingPool;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A full hashing queue refuses at once with 503 and Retry-After, while what does not hash keeps answering. */
@QuarkusTest
class HashingBackpressureTest {

    @Inject
    HashingPool pool;

    @Inject
    Database database;

    @Test
    void aFullQueueAnswers503AndEverythingElseKeepsWorking() throws InterruptedException {
        People me = People.signUp();
        CountDownLatch release = new CountDownLatch(1);
        try {
            fill(release);

            given().contentType(ContentType.JSON).body(Map.of("email", me.email(), "password", Accounts.PASSWORD))
                    .when().post("/auth/login")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("hashing_busy"));
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "phoneNumber",
                            Accounts.uniquePhone()))
                    .when().post("/auth/register")
                    .then().statusCode(503).header("Retry-After", notNullValue()).body("code", equalTo("hashing_busy"));

            me.asMe().when().get("/users/me").then().statusCode(200).body("email", equalTo(me.email()));
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", me.refreshToken()))
                    .when().post("/auth/refresh").then().statusCode(200);
        } finally {
            release.countDown();
        }
        // The refused login did not use up one of the account's comparisons.
        assertEquals(0, database.count("select coalesce(sum(attempts), 0) from login_throttles "
                + "where user_id = ?::uuid", me.id()));
        Accounts.login(me.email(), "laptop");
    }

    /** Occupies every hashing thread and every place in the queue until {@code release}. */
    private void fill(CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(pool.threads());
        for (int i = 0; i < pool.threads(); i++) {
            pool.execute(() -> {
                started.countDown();
                await(release);
            });
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "the hashing threads never became free");
        for (int i = 0; i < pool.queueCapacity(); i++) {
            pool.execute(() -> await(release));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
