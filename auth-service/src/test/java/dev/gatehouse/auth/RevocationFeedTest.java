package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET /internal/revocations}: every way a session ends early (logout, revoking a device, logging out
 * everywhere, a password reset) and every account deletion appears on the feed the other services poll.
 */
@QuarkusTest
@WithTestResource(MessagesStub.class)
class RevocationFeedTest {

    @Test
    void logoutPutsTheSessionOnTheFeed() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        given().auth().oauth2(laptop.getString("accessToken")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/auth/logout").then().statusCode(204);

        List<Map<String, Object>> feed = revocations();
        assertTrue(revoked(feed, laptop.getString("sessionId")), "the logged-out session is on the feed");
        assertFalse(revoked(feed, phone.getString("sessionId")), "the other device is not");
    }

    @Test
    void revokingOneDevicePutsItsSessionOnTheFeed() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        given().auth().oauth2(laptop.getString("accessToken"))
                .when().delete("/users/me/sessions/" + phone.getString("sessionId")).then().statusCode(204);

        List<Map<String, Object>> feed = revocations();
        assertTrue(revoked(feed, phone.getString("sessionId")));
        assertFalse(revoked(feed, laptop.getString("sessionId")));
    }

    @Test
    void logoutAllPutsEverySessionOnTheFeed() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        given().auth().oauth2(phone.getString("accessToken")).when().post("/auth/logout-all").then().statusCode(204);

        List<Map<String, Object>> feed = revocations();
        assertTrue(revoked(feed, laptop.getString("sessionId")));
        assertTrue(revoked(feed, phone.getString("sessionId")));
    }

    @Test
    void aPasswordResetPutsEverySessionOnTheFeed() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");

        PasswordResetTest.forgot(email, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 1));
        PasswordResetTest.reset(Map.of("email", email, "code", code, "newPassword", PasswordResetTest.NEW_PASSWORD))
                .then().statusCode(204);

        assertTrue(revoked(revocations(), laptop.getString("sessionId")));
    }

    @Test
    void aDeletedAccountIsOnTheFeedWithEveryToken() {
        People me = People.signUp();
        me.asMe().body(Map.of("password", Accounts.PASSWORD)).when().delete("/users/me").then().statusCode(204);

        Map<String, Object> entry = revocations().stream().filter(e -> me.id().equals(e.get("userId")))
                .filter(e -> e.get("sessionId") == null).findFirst().orElseThrow();
        assertEquals("account_deleted", entry.get("reason"));
        // Kept for as long as an access token issued before the deletion can be accepted: its lifetime (the test TTL is
        // the default) and the clock skew verifiers allow past its expiry.
        assertEquals(Duration.ofMinutes(15).plusSeconds(90),
                Duration.between(OffsetDateTime.parse((String) entry.get("revokedAt")),
                        OffsetDateTime.parse((String) entry.get("expiresAt"))));
    }

    @Test
    void theCursorLeavesOutWhatCameLongBefore() {
        People me = People.signUp();
        given().auth().oauth2(me.accessToken()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/auth/logout").then().statusCode(204);
        String asOf = given().auth().oauth2(serviceToken()).when().get("/internal/revocations")
                .then().statusCode(200).extract().path("asOf");

        // The same cursor again: the overlap re-reads recent revocations, harmlessly.
        assertTrue(revoked(revocations(asOf), me.sessionId()));
        // A cursor well past the overlap: nothing that came before it.
        String later = OffsetDateTime.parse(asOf).plusHours(1).toString();
        assertFalse(revoked(revocations(later), me.sessionId()));
    }

    @Test
    void onlyServicesReadTheFeed() {
        People me = People.signUp();
        me.asMe().when().get("/internal/revocations").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/internal/revocations").then().statusCode(401);
        given().auth().oauth2(serviceToken()).queryParam("since", "yesterday").when().get("/internal/revocations")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    static String serviceToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "company-service")
                .formParam("client_secret", "test-company-secret")
                .when().post("/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static List<Map<String, Object>> revocations() {
        return revocations(null);
    }

    private static List<Map<String, Object>> revocations(String since) {
        var request = given().auth().oauth2(serviceToken());
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get("/internal/revocations").then().statusCode(200).extract().path("revocations");
    }

    private static boolean revoked(List<Map<String, Object>> feed, String sessionId) {
        return feed.stream().anyMatch(entry -> sessionId.equals(entry.get("sessionId")));
    }
}
