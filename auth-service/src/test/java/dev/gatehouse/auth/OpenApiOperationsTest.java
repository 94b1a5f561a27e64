package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.OpenApiRules;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every public operation of auth-service documents a summary, its error answers by status code in problem+json, and
 * the bearer scheme unless anyone may call it. A new endpoint without them fails here.
 */
@QuarkusTest
class OpenApiOperationsTest {

    /** The operations that take no token. */
    static final Set<String> OPEN = Set.of("POST /auth/register", "POST /auth/login", "POST /auth/refresh",
            "POST /auth/token", "POST /auth/password/forgot", "POST /auth/password/reset",
            "GET /auth/password/reset", "GET /auth/email/verify", "GET /.well-known/jwks.json",
            "GET /.well-known/openid-configuration");

    @Test
    @SuppressWarnings("unchecked")
    void everyPublicOperationIsDocumented() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().as(Map.class);
        List<String> broken = OpenApiRules.violations(document, OPEN);
        assertEquals(List.of(), broken);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertTrue(paths.containsKey("/users/me/sessions/{id}"), paths.keySet().toString());
        // Declaring the error answers keeps the generated success answer and its schema.
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .body("paths.'/users/me'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.endsWith("UserResponse"));
    }

    @Test
    void theRulesCatchAnUndocumentedOperation() {
        Map<String, Object> document = Map.of("paths", Map.of(
                "/users/me", Map.of("get", Map.of("responses", Map.of("200", Map.of("description", "ok")))),
                "/internal/x", Map.of("get", Map.of())));
        assertEquals(List.of("GET /users/me: no summary", "GET /users/me: no error response by status code",
                "GET /users/me: no bearer security requirement", "GET /users/me: needs a token but does not document 401"),
                OpenApiRules.violations(document, Set.of()));
        Map<String, Object> plainJsonError = Map.of("paths", Map.of("/auth/login", Map.of("post", Map.of(
                "summary", "Log in", "responses", Map.of("200", Map.of("description", "ok"), "401",
                        Map.of("description", "invalid_credentials", "content",
                                Map.of("application/json", Map.of())))))));
        assertEquals(List.of("POST /auth/login 401: not documented as problem+json with the Problem schema"),
                OpenApiRules.violations(plainJsonError, Set.of("POST /auth/login")));
    }
}
