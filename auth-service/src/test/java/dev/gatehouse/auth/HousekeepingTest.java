package dev.gatehouse.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The housekeeping job runs every two seconds in tests; the retention is the default seven days. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Database database;

    @Test
    void deletesWhatEndedLongAgoAndKeepsWhatIsRecentOrAlive() throws InterruptedException {
        String email = Accounts.uniqueEmail();
        String userId = Accounts.register(email, Accounts.uniquePhone()).getString("id");
        String longGone = Accounts.login(email, "old-laptop").getString("sessionId");
        String recentlyEnded = Accounts.login(email, "old-phone").getString("sessionId");
        JsonPath alive = Accounts.login(email, "laptop");
        database.update("UPDATE sessions SET revoked = true, revoked_at = now() - interval '10 days' WHERE id = ?::uuid",
                longGone);
        database.update("UPDATE sessions SET revoked = true, revoked_at = now() - interval '1 day' WHERE id = ?::uuid",
                recentlyEnded);
        String oldReset = UUID.randomUUID().toString();
        String freshReset = UUID.randomUUID().toString();
        String insertReset = "INSERT INTO password_resets (id, customer_id, email, reset_type, token_hash, expires_at) "
                + "VALUES (?::uuid, ?::uuid, ?, 'email_link', ?, (now() at time zone 'utc') - make_interval(days => ?))";
        database.update(insertReset, oldReset, userId, email, "hash-" + oldReset, 10);
        database.update(insertReset, freshReset, userId, email, "hash-" + freshReset, 1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && (exists("sessions", longGone) || exists("password_resets", oldReset))) {
            Thread.sleep(200);
        }

        assertEquals(false, exists("sessions", longGone));
        assertEquals(0, database.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?::uuid", longGone));
        assertEquals(false, exists("password_resets", oldReset));
        assertEquals(true, exists("sessions", recentlyEnded));
        assertEquals(true, exists("sessions", alive.getString("sessionId")));
        assertEquals(true, exists("password_resets", freshReset));
        // The living session still refreshes.
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("refreshToken", alive.getString("refreshToken")))
                .when().post("/auth/refresh").then().statusCode(200);
    }

    private boolean exists(String table, String id) {
        return database.count("SELECT count(*) FROM " + table + " WHERE id = ?::uuid", id) > 0;
    }
}
