package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * More revocations within one overlap than a page holds (one logout everywhere of an account with many sessions):
 * a reader following the cursors still gets every one of them, and reaches the end.
 */
@QuarkusTest
@TestProfile(RevocationFeedPagesTest.SmallPages.class)
class RevocationFeedPagesTest {

    static final int PAGE = 5;
    static final int SESSIONS = 12;

    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.revocation-feed.max-entries", String.valueOf(PAGE));
        }
    }

    @Test
    void aReaderGetsEveryRevocationOfABurstLargerThanAPage() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        Set<String> sessions = new HashSet<>();
        String accessToken = null;
        for (int i = 0; i < SESSIONS; i++) {
            JsonPath login = Accounts.login(email, "device-" + i);
            sessions.add(login.getString("sessionId"));
            accessToken = login.getString("accessToken");
        }
        // A reader that has read everything up to now.
        String cursor = readToTheEnd(feed(null).getString("asOf"), new HashSet<>());

        given().auth().oauth2(accessToken).when().post("/auth/logout-all").then().statusCode(204);

        Set<String> seen = new HashSet<>();
        readToTheEnd(cursor, seen);
        assertTrue(seen.containsAll(sessions), "every revoked session was read");
        assertEquals(SESSIONS, sessions.size());
    }

    /** Follows the cursors from {@code cursor} until a page is not full; the session ids read go to {@code seen}. */
    private static String readToTheEnd(String cursor, Set<String> seen) {
        for (int pages = 1;; pages++) {
            JsonPath page = feed(cursor);
            List<Map<String, Object>> revocations = page.getList("revocations");
            revocations.forEach(entry -> seen.add((String) entry.get("sessionId")));
            cursor = page.getString("asOf");
            if (revocations.size() < PAGE) {
                return cursor;
            }
            assertTrue(pages < 20, "the feed gives the same page again and again");
        }
    }

    private static JsonPath feed(String since) {
        var request = given().auth().oauth2(RevocationFeedTest.serviceToken());
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get("/internal/revocations").then().statusCode(200).extract().jsonPath();
    }
}
