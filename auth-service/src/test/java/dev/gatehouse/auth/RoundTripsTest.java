package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private static final Logger HIBERNATE_SQL = Logger.getLogger("org.hibernate.SQL");

    @Inject
    MeterRegistry registry;

    private final List<String> hibernateStatements = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String sql = String.valueOf(record.getMessage()).strip().toLowerCase(Locale.ROOT);
            // The housekeeping job may run meanwhile (it reads the database's clock, then deletes); what it sends is
            // not the request's.
            if (!sql.startsWith("delete") && !sql.equals("select clock_timestamp()")) {
                hibernateStatements.add(sql);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureHibernateSql() {
        previousLevel = HIBERNATE_SQL.getLevel();
        capture.setLevel(Level.ALL);
        HIBERNATE_SQL.addHandler(capture);
        HIBERNATE_SQL.setLevel(Level.FINE);
    }

    @AfterEach
    void stopCapturing() {
        HIBERNATE_SQL.removeHandler(capture);
        HIBERNATE_SQL.setLevel(previousLevel);
    }

    @Test
    void aRefreshIsOneStatementAndNoHibernate() {
        Accounts.Tokens tokens = Accounts.signedIn();
        hibernateStatements.clear();
        double before = directStatements();

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200);

        assertEquals(1.0, directStatements() - before);
        assertEquals(List.of(), hibernateStatements);
    }

    @Test
    void readingMeIsOneStatementAndNoHibernate() {
        Accounts.Tokens tokens = Accounts.signedIn();
        hibernateStatements.clear();
        double before = directStatements();

        given().auth().oauth2(tokens.accessToken()).when().get("/users/me").then().statusCode(200);

        assertEquals(1.0, directStatements() - before);
        assertEquals(List.of(), hibernateStatements);
    }

    @Test
    void theCaptureSeesHibernateStatements() {
        Accounts.Tokens tokens = Accounts.signedIn();
        hibernateStatements.clear();
        given().auth().oauth2(tokens.accessToken()).when().get("/users/me/sessions").then().statusCode(200);
        assertTrue(hibernateStatements.stream().anyMatch(sql -> sql.contains("sessions")), hibernateStatements::toString);
    }

    private double directStatements() {
        // The counter appears with the first statement it counts.
        io.micrometer.core.instrument.Counter counter = registry.find("gatehouse.db.direct.statements").counter();
        return counter == null ? 0 : counter.count();
    }
}
