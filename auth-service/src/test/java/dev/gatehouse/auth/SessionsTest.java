package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class SessionsTest {

    @Test
    void refreshRotatesTheToken() {
        Accounts.Tokens tokens = Accounts.signedIn();
        JsonPath next = refresh(tokens.refreshToken()).then().statusCode(200)
                .body("refreshToken", not(equalTo(tokens.refreshToken())))
                .body("sessionId", equalTo(tokens.sessionId()))
                .extract().jsonPath();
        refresh(next.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingASpentTokenAfterTheGraceWindowRevokesTheSession() throws InterruptedException {
        Accounts.Tokens tokens = Accounts.signedIn();
        String successor = refresh(tokens.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        Thread.sleep(2_500);
        refresh(tokens.refreshToken()).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_refresh_token"));
        // The thief and the owner are now both out: the successor died with its session.
        refresh(successor).then().statusCode(401);
        given().auth().oauth2(tokens.accessToken()).when().get("/users/me/sessions")
                .then().statusCode(200).body("id", not(org.hamcrest.Matchers.hasItem(tokens.sessionId())));
    }

    @Test
    void concurrentRefreshesOfOneTokenKeepTheUserSignedIn() {
        Accounts.Tokens tokens = Accounts.signedIn();
        List<CompletableFuture<Response>> racing = List.of(
                CompletableFuture.supplyAsync(() -> refresh(tokens.refreshToken())),
                CompletableFuture.supplyAsync(() -> refresh(tokens.refreshToken())));
        for (CompletableFuture<Response> response : racing) {
            String next = response.join().then().statusCode(200).extract().path("refreshToken");
            refresh(next).then().statusCode(200);
        }
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refresh("no-such-token").then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/auth/refresh")
                .then().statusCode(400).body("errors[0].field", equalTo("refreshToken"));
    }

    @Test
    void twoDevicesListedRevokeOneTheOtherKeepsWorking() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = given().contentType(ContentType.JSON).header("User-Agent", "GatehouseTest/1.0 (phone)")
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "deviceId", "phone"))
                .when().post("/auth/login").then().statusCode(200).extract().jsonPath();

        given().auth().oauth2(laptop.getString("accessToken"))
                .when().get("/users/me/sessions")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.deviceId == 'phone' }.userAgent", equalTo("GatehouseTest/1.0 (phone)"))
                .body("find { it.deviceId == 'phone' }.ipAddress", notNullValue())
                .body("find { it.deviceId == 'phone' }.current", equalTo(false))
                .body("find { it.deviceId == 'laptop' }.current", equalTo(true))
                .body("find { it.deviceId == 'laptop' }.createdAt", notNullValue())
                .body("find { it.deviceId == 'laptop' }.lastUsedAt", notNullValue());

        given().auth().oauth2(laptop.getString("accessToken"))
                .when().delete("/users/me/sessions/" + phone.getString("sessionId"))
                .then().statusCode(204);

        refresh(phone.getString("refreshToken")).then().statusCode(401);
        refresh(laptop.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void cannotRevokeSomeoneElsesSession() {
        Accounts.Tokens mine = Accounts.signedIn();
        Accounts.Tokens theirs = Accounts.signedIn();
        given().auth().oauth2(mine.accessToken())
                .when().delete("/users/me/sessions/" + theirs.sessionId())
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        refresh(theirs.refreshToken()).then().statusCode(200);
    }

    @Test
    void logoutEndsOnlyTheCurrentSession() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        given().auth().oauth2(laptop.getString("accessToken")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/auth/logout")
                .then().statusCode(204);
        refresh(laptop.getString("refreshToken")).then().statusCode(401);
        refresh(phone.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void logoutAllEndsEverySession() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        given().auth().oauth2(phone.getString("accessToken"))
                .when().post("/auth/logout-all")
                .then().statusCode(204);
        refresh(laptop.getString("refreshToken")).then().statusCode(401);
        refresh(phone.getString("refreshToken")).then().statusCode(401);
    }

    @Test
    void protectedEndpointsNeedAToken() {
        given().when().get("/users/me")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2("not.a.token").when().get("/users/me/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().post("/auth/logout-all").then().statusCode(401);
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }
}
