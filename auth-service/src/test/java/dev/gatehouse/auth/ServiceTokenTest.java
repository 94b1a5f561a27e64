package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ServiceTokenTest {

    @Test
    void issuesAServiceTokenForClientCredentials() {
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "company-service").formParam("client_secret", "test-company-secret")
                .when().post("/auth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .extract().path("access_token");

        JsonPath claims = claimsOf(token);
        assertEquals("company-service", claims.getString("sub"));
        assertEquals("service", claims.getString("token_use"));
        assertEquals("otp:send otp:verify revocations:read", claims.getString("scope"));
        // The service audience only: no endpoint that expects a person accepts it as one.
        assertEquals("gatehouse-services", audienceOf(claims));
        assertTrue(claims.getList("groups") == null || claims.getList("groups").isEmpty());

        // A service token is not a person.
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(403)
                .body("code", equalTo("user_token_required"));
    }

    @Test
    void narrowsTheTokenToTheScopesAskedFor() {
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "company-service").formParam("client_secret", "test-company-secret")
                .formParam("scope", "otp:verify")
                .when().post("/auth/token")
                .then().statusCode(200).body("scope", equalTo("otp:verify"))
                .extract().path("access_token");
        assertEquals("otp:verify", claimsOf(token).getString("scope"));
    }

    @Test
    void refusesScopesTheClientWasNotGranted() {
        for (String scope : new String[] { "messages:send", "otp:send user-data:delete", "members:write" }) {
            given().formParam("grant_type", "client_credentials")
                    .formParam("client_id", "company-service").formParam("client_secret", "test-company-secret")
                    .formParam("scope", scope)
                    .when().post("/auth/token")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("invalid_scope")).body("error", equalTo("invalid_scope"));
        }
    }

    @Test
    void refusesAWrongSecretAnUnknownClientAndAClientWithoutSecret() {
        for (String[] credentials : new String[][] { { "company-service", "wrong" }, { "nobody", "x" },
                { "approval-service", "" } }) {
            given().formParam("grant_type", "client_credentials").formParam("client_id", credentials[0])
                    .formParam("client_secret", credentials[1])
                    .when().post("/auth/token")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("invalid_client"))
                    .body("error", equalTo("invalid_client"));
        }
    }

    @Test
    void refusesOtherGrants() {
        given().formParam("grant_type", "password").formParam("client_id", "company-service")
                .formParam("client_secret", "test-company-secret")
                .when().post("/auth/token")
                .then().statusCode(400).body("code", equalTo("unsupported_grant_type"));
        given().formParam("client_id", "company-service")
                .when().post("/auth/token")
                .then().statusCode(400).body("code", equalTo("invalid_request"));
    }

    @Test
    void publishesHealthMetricsAndOpenApi() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private static JsonPath claimsOf(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** {@code aud} may be a string or a one-element array. */
    private static String audienceOf(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof java.util.List<?> list && list.size() == 1 ? String.valueOf(list.get(0))
                : String.valueOf(aud);
    }
}
