package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document names the bearer scheme, the problem+json schema, and an error answer on every operation. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentsTheBearerSchemeAndTheProblemFormat() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.schemas.Problem.properties", hasKey("code"))
                .body("components.schemas.Problem.properties", hasKey("errors"))
                .body("paths.'/auth/login'.post.responses.default.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/users/me'.get.security", hasItem(hasKey("bearer")));
    }
}
