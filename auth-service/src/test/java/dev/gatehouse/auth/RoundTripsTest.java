package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * What a request costs PostgreSQL, as common's {@code Database} counts it: every statement, and every transaction
 * (which adds a BEGIN and a COMMIT). A refresh and {@code GET /users/me} must cost one statement each and no
 * transaction; a login's statements are counted exactly, so one more round trip on it fails here.
 */
@QuarkusTest
@TestProfile(RoundTripsTest.NoBackgroundJobs.class)
class RoundTripsTest {

    /**
     * Without the scheduled jobs, every statement counted is the request's. The revocation poll reads its table
     * every two seconds; one that fell within a measured request counted as the request's second statement.
     */
    public static class NoBackgroundJobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.outbox.every", "off", "gatehouse.housekeeping.every", "off",
                    "gatehouse.revocation.enabled", "false");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void aRefreshIsOneStatementWithoutATransaction() {
        Accounts.Tokens tokens = Accounts.signedIn();
        double statements = count("gatehouse.db.statements");
        double transactions = count("gatehouse.db.transactions");

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200);

        assertEquals(1.0, count("gatehouse.db.statements") - statements);
        assertEquals(0.0, count("gatehouse.db.transactions") - transactions);
    }

    @Test
    void readingMeIsOneStatementWithoutATransaction() {
        Accounts.Tokens tokens = Accounts.signedIn();
        double statements = count("gatehouse.db.statements");
        double transactions = count("gatehouse.db.transactions");

        given().auth().oauth2(tokens.accessToken()).when().get("/users/me").then().statusCode(200);

        assertEquals(1.0, count("gatehouse.db.statements") - statements);
        assertEquals(0.0, count("gatehouse.db.transactions") - transactions);
    }

    /**
     * The rate limits (one statement for all three counters, in a transaction of its own), the account read, the
     * reservation of a comparison, then one transaction: the account locked with the hash that matched, the throttle
     * cleared, the audit event, the session and its first token.
     */
    @Test
    void aLoginIsEightStatementsInTwoTransactions() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        double statements = count("gatehouse.db.statements");
        double transactions = count("gatehouse.db.transactions");

        Accounts.login(email, "laptop");

        assertEquals(8.0, count("gatehouse.db.statements") - statements);
        assertEquals(2.0, count("gatehouse.db.transactions") - transactions);
    }

    private double count(String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
