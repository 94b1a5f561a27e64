package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.OpenApiRules;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every public operation of company-service documents a summary, its error answers by status code in problem+json, and
 * the bearer scheme (all of them need a token). A new endpoint without them fails here.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class OpenApiOperationsTest {

    /** Swagger UI is packaged, but served only where SWAGGER_UI_ENABLED says so (the local run does). */
    @Test
    void swaggerUiIsOffUnlessTurnedOn() {
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPublicOperationIsDocumented() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().as(Map.class);
        assertEquals(List.of(), OpenApiRules.violations(document, Set.of()));
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertTrue(paths.keySet().stream().anyMatch(path -> path.startsWith("/internal")), paths.keySet().toString());
    }
}
