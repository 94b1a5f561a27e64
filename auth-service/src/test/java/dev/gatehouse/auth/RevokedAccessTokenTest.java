package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An access token outlives its session only until the next read of the revocation table (every two seconds), here
 * as in every other service, even when its verification is kept: ending a session ends what its token may do.
 */
@QuarkusTest
class RevokedAccessTokenTest {

    private static final long BOUND_MILLIS = 5_000;

    @Test
    void aSessionEndedByLogoutNoLongerReadsTheAccount() throws InterruptedException {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        String laptop = Accounts.login(email, "laptop").getString("accessToken");
        String phone = Accounts.login(email, "phone").getString("accessToken");
        me(laptop).then().statusCode(200);
        me(laptop).then().statusCode(200);

        given().auth().oauth2(laptop).contentType(ContentType.JSON).body(Map.of()).when().post("/auth/logout")
                .then().statusCode(204);

        awaitRefused(laptop);
        me(phone).then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void logoutEverywhereEndsEveryTokenOfThePerson() throws InterruptedException {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        String phone = Accounts.login(email, "phone").getString("accessToken");
        me(phone).then().statusCode(200);

        given().auth().oauth2(laptop.getString("accessToken")).when().post("/auth/logout-all").then().statusCode(204);

        awaitRefused(phone);
        awaitRefused(laptop.getString("accessToken"));
        // A new sign-in is a new session, and works.
        me(Accounts.login(email, "phone").getString("accessToken")).then().statusCode(200);
    }

    private static void awaitRefused(String token) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOUND_MILLIS;
        while (me(token).statusCode() == 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the token still works after " + BOUND_MILLIS + " ms");
            Thread.sleep(100);
        }
        me(token).then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
    }

    private static Response me(String token) {
        return given().auth().oauth2(token).when().get("/users/me");
    }
}
