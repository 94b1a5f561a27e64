package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.security.OpaqueTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Refreshing moves a session's idle expiry, never its absolute one. */
@QuarkusTest
class SessionLifetimeTest {

    @Inject
    Database database;

    @Test
    void aSessionEndsThirtyDaysAfterSignInByDefault() {
        Accounts.Tokens tokens = Accounts.signedIn();
        Map<String, Object> session = database.query(
                "SELECT created_at, expires_at, absolute_expires_at FROM sessions WHERE id = ?",
                UUID.fromString(tokens.sessionId())).get(0);
        OffsetDateTime created = time(session.get("created_at"));
        assertEquals(Duration.ofDays(30), Duration.between(created, time(session.get("absolute_expires_at"))));
        assertTrue(!time(session.get("expires_at")).isAfter(time(session.get("absolute_expires_at"))));
    }

    @Test
    void refreshingForEverStillEndsTheSession() {
        Accounts.Tokens tokens = Accounts.signedIn();
        UUID session = UUID.fromString(tokens.sessionId());
        // As if the session had been opened 30 days minus an hour ago and refreshed ever since.
        database.update("UPDATE sessions SET absolute_expires_at = now() + interval '1 hour', "
                + "expires_at = now() + interval '1 hour' WHERE id = ?", session);

        String token = tokens.refreshToken();
        for (int i = 0; i < 3; i++) {
            token = refresh(token).then().statusCode(200)
                    .body("refreshExpiresIn", lessThanOrEqualTo(3600))
                    .extract().path("refreshToken");
        }
        Map<String, Object> row = database.query(
                "SELECT expires_at, absolute_expires_at FROM sessions WHERE id = ?", session).get(0);
        assertEquals(time(row.get("absolute_expires_at")), time(row.get("expires_at")),
                "the idle expiry would be 30 days away; the absolute one caps it");
        assertEquals(time(row.get("absolute_expires_at")), time(database.query(
                "SELECT expires_at FROM refresh_tokens WHERE token_hash = ?", OpaqueTokens.hash(token)).get(0)
                .get("expires_at")), "the newest refresh token ends with the session");

        // The absolute end passes: the newest token, never used, no longer refreshes.
        database.update("UPDATE sessions SET absolute_expires_at = now() - interval '1 second', "
                + "expires_at = now() - interval '1 second' WHERE id = ?", session);
        refresh(token).then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }
}
