package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.gatehouse.testing.HibernateStatements;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Counts what reaches PostgreSQL for one request: the statements sent outside Hibernate (counted where they are
 * sent) and every statement Hibernate sends (its SQL log, captured here). A refresh and {@code GET /users/me} must
 * cost one statement each and nothing through Hibernate (no session, no flush).
 */
@QuarkusTest
@TestProfile(RoundTripsTest.NoBackgroundJobs.class)
class RoundTripsTest {

    /** Without the scheduled jobs, every statement the capture sees is the request's. */
    public static class NoBackgroundJobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.outbox.every", "off", "gatehouse.housekeeping.every", "off");
        }
    }

    @Inject
    MeterRegistry registry;

    // The housekeeping job may run meanwhile (it reads the database's clock, then deletes); what it sends is not the
    // request's.
    @RegisterExtension
    final HibernateStatements sql = new HibernateStatements(
            statement -> !statement.startsWith("delete") && !statement.equals("select clock_timestamp()"));

    @Test
    void aRefreshIsOneStatementAndNoHibernate() {
        Accounts.Tokens tokens = Accounts.signedIn();
        sql.clear();
        double before = directStatements();

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200);

        assertEquals(1.0, directStatements() - before);
        assertEquals(List.of(), sql.statements());
    }

    @Test
    void readingMeIsOneStatementAndNoHibernate() {
        Accounts.Tokens tokens = Accounts.signedIn();
        sql.clear();
        double before = directStatements();

        given().auth().oauth2(tokens.accessToken()).when().get("/users/me").then().statusCode(200);

        assertEquals(1.0, directStatements() - before);
        assertEquals(List.of(), sql.statements());
    }

    @Test
    void theCaptureSeesHibernateStatements() {
        Accounts.Tokens tokens = Accounts.signedIn();
        sql.clear();
        given().auth().oauth2(tokens.accessToken()).when().get("/users/me/sessions").then().statusCode(200);
        assertTrue(sql.statements().stream().anyMatch(statement -> statement.contains("sessions")),
                sql.statements()::toString);
    }

    private double directStatements() {
        // The counter appears with the first statement it counts.
        io.micrometer.core.instrument.Counter counter = registry.find("gatehouse.db.statements").counter();
        return counter == null ? 0 : counter.count();
    }
}
