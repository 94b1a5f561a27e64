package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LoginTest {

    @Inject
    Database database;

    @Test
    void logsInByEmailAndSignsAnEs256AccessToken() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        String userId = Accounts.register(email, phone).getString("id");

        JsonPath tokens = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "deviceId", "phone-1"))
                .when().post("/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", greaterThan(0))
                .body("refreshToken", notNullValue())
                .body("refreshExpiresIn", greaterThan(0))
                .body("sessionId", notNullValue())
                .body("deviceToken", notNullValue())
                .extract().jsonPath();

        String[] parts = tokens.getString("accessToken").split("\\.");
        JsonPath header = new JsonPath(decode(parts[0]));
        JsonPath claims = new JsonPath(decode(parts[1]));
        assertEquals("ES256", header.getString("alg"));
        String kid = header.getString("kid");
        assertNotNull(kid);
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.kty", equalTo("EC"))
                .body("keys.find { it.kid == '" + kid + "' }.d", equalTo(null));

        assertEquals("https://gatehouse.local", claims.getString("iss"));
        assertEquals("gatehouse", claims.getString("aud"));
        assertEquals(userId, claims.getString("sub"));
        assertEquals(tokens.getString("sessionId"), claims.getString("sid"));
        assertEquals(email, claims.getString("email"));
        assertEquals(phone, claims.getString("phone_number"));
        assertEquals(false, claims.getBoolean("email_verified"));
        assertEquals(false, claims.getBoolean("phone_number_verified"));
        assertTrue(claims.getList("groups").contains("user"));
        assertNotNull(claims.getString("jti"));
        assertTrue(claims.getLong("exp") > claims.getLong("iat"));

        given().auth().oauth2(tokens.getString("accessToken"))
                .when().get("/users/me")
                .then().statusCode(200)
                .body("id", equalTo(userId))
                .body("email", equalTo(email))
                .body("verificationStatus", equalTo("UNVERIFIED"));
    }

    @Test
    void logsInByAVerifiedPhoneNumber() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        String userId = Accounts.register(email, phone).getString("id");
        database.update("update users set phone_verified = true where id = ?::uuid", userId);

        given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", phone, "password", Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void anUnverifiedPhoneNumberDoesNotLogIn() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        Accounts.register(email, phone);

        // Whoever registered a number first must not sign in with it (nor keep its owner out) before verifying it;
        // the answer is the one an unknown number gets.
        String unverified = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", phone, "password", Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"))
                .extract().asString();
        String unknown = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", Accounts.uniquePhone(), "password", Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(401).extract().asString();
        assertEquals(unknown, unverified);
        Accounts.login(email, "laptop");
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());

        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "not the password 1"))
                .when().post("/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"))
                .extract().jsonPath().getString("detail");

        String unknown = given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail(), "password", "not the password 1"))
                .when().post("/auth/login")
                .then().statusCode(401)
                .body("code", equalTo("invalid_credentials"))
                .extract().jsonPath().getString("detail");

        assertEquals(wrongPassword, unknown);
    }

    @Test
    void aLockedAccountAnswersExactlyLikeAWrongPassword() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());

        String wrong = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            wrong = given().contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "not the password 1"))
                    .when().post("/auth/login")
                    .then().statusCode(401).extract().asString();
        }
        // Locked: even the right password is refused until the lock ends, with the very answer a wrong password
        // gets (no 423), so the lock tells an attacker nothing.
        String locked = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"))
                .extract().asString();
        assertEquals(wrong, locked);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 2; attempt++) {
                given().contentType(ContentType.JSON)
                        .body(Map.of("email", email, "password", "not the password 1"))
                        .when().post("/auth/login").then().statusCode(401);
            }
            Accounts.login(email, "laptop");
        }
    }

    @Test
    void needsExactlyOneOfEmailAndPhone() {
        given().contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));

        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail(), "phoneNumber", Accounts.uniquePhone(), "password",
                        Accounts.PASSWORD))
                .when().post("/auth/login")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
