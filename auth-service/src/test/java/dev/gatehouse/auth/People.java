package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Test helper: a fresh person, signed up and signed in through the public API, with what tests need to know. */
record People(String id, String email, String phone, String accessToken, String refreshToken, String sessionId) {

    static People signUp() {
        return signUp(Accounts.uniqueEmail());
    }

    static People signUp(String email) {
        String phone = Accounts.uniquePhone();
        String id = Accounts.register(email, phone).getString("id");
        JsonPath tokens = Accounts.login(email, "laptop");
        return new People(id, email, phone, tokens.getString("accessToken"), tokens.getString("refreshToken"),
                tokens.getString("sessionId"));
    }

    /** A request with this person's access token. */
    RequestSpecification asMe() {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON);
    }

    /** The claims of an access token, read without checking it (the service under test already did). */
    static JsonPath claims(String accessToken) {
        return new JsonPath(
                new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** A fresh access token (and session) for the same person. */
    String freshAccessToken() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "deviceId", "phone"))
                .when().post("/auth/login")
                .then().statusCode(200).extract().path("accessToken");
    }
}
