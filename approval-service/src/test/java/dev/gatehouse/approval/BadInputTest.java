package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input is a 400 problem naming each wrong field, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class BadInputTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Test
    void askingWithBadFields() {
        UUID person = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", "KE/../../x");
        body.put("requestedRole", "OWNER");
        body.put("message", "x".repeat(1001));
        Approvals.ask(person, body).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("companyId", "requestedRole", "message"));

        Approvals.ask(person, Map.of("requestedRole", "STAFF")).statusCode(400)
                .body("errors.field", containsInAnyOrder("companyId"));
        Approvals.ask(person, Map.of("companyId", companies.activeCompany(UUID.randomUUID()), "requestedRole", "KING"))
                .statusCode(400).body("errors[0].field", equalTo("requestedRole"));
        given().auth().oauth2(Approvals.token(person)).contentType(ContentType.JSON).body("{\"companyId\": ")
                .when().post("/approvals")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Approvals.token(person)).contentType(ContentType.JSON)
                .when().post("/approvals")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine")
                .then().body("$", hasSize(0));
    }

    @Test
    void decidingWithBadFields() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(UUID.randomUUID(), companyId);

        Approvals.reject(owner, id, "  ").statusCode(400).body("errors.field", containsInAnyOrder("reason"));
        Approvals.reject(owner, id, "x".repeat(1001)).statusCode(400).body("errors.field",
                containsInAnyOrder("reason"));
        Approvals.reject(owner, id, null).statusCode(400).body("errors.field", containsInAnyOrder("reason"));
        Approvals.approve(owner, id, "OWNER").statusCode(400).body("errors.field", containsInAnyOrder("role"));
        Approvals.read(owner, id).body("status", equalTo("PENDING"));
    }

    @Test
    void listingWithBadParameters() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String token = Approvals.token(owner);

        given().auth().oauth2(token).when().get("/approvals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("companyId"));
        given().auth().oauth2(token).queryParam("companyId", companyId).queryParam("size", 101)
                .queryParam("page", -1).queryParam("status", "WAITING")
                .when().get("/approvals")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("size", "page", "status"));
        given().auth().oauth2(token).queryParam("companyId", companyId).queryParam("size", "ten")
                .when().get("/approvals")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("size"));
        given().auth().oauth2(token).queryParam("companyId", companyId).queryParam("size", 100)
                .when().get("/approvals")
                .then().statusCode(200).body("size", equalTo(100));
    }
}
