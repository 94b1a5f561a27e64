package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Flow 5: a verified person asks to join, the company's owner or admin decides, or the person withdraws. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class JoinRequestFlowTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
    }

    @Test
    void askListApproveAndTheMemberExistsInCompanyService() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);

        ExtractableResponse<Response> created = Approvals
                .ask(person, Map.of("companyId", companyId, "message", "  I run the Nairobi depot.  "))
                .statusCode(201)
                .header("Location", matchesPattern(".*/approvals/[0-9a-f-]{36}$"))
                .body("id", notNullValue())
                .body("companyId", equalTo(companyId))
                .body("userId", equalTo(person.toString()))
                .body("requestedRole", equalTo("STAFF"))
                .body("status", equalTo("PENDING"))
                .body("message", equalTo("I run the Nairobi depot."))
                .body("createdAt", notNullValue())
                .body("expiresAt", notNullValue())
                .body("reviewerId", nullValue())
                .extract();
        String id = created.path("id");
        Duration ttl = Duration.between(OffsetDateTime.parse(created.path("createdAt")),
                OffsetDateTime.parse(created.path("expiresAt")));
        assertEquals(Duration.ofDays(14), ttl);

        Approvals.list(owner, companyId).statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].status", equalTo("PENDING"))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(1))
                .body("totalPages", equalTo(1));
        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id));
        Approvals.read(person, id).statusCode(200).body("status", equalTo("PENDING"));
        Approvals.read(owner, id).statusCode(200).body("userId", equalTo(person.toString()));

        Approvals.approve(owner, id).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("grantedRole", equalTo("STAFF"))
                .body("reviewerId", equalTo(owner.toString()))
                .body("reviewedAt", notNullValue());

        assertEquals("STAFF", companies.roleOf(companyId, person));
        List<CompanyServiceStub.AddMemberCall> calls = companies.addMemberCalls(companyId);
        assertEquals(1, calls.size());
        assertEquals(person, calls.get(0).userId());
        assertTrue(isServiceToken(calls.get(0).authorization()), "add-member carries approval-service's token");

        Approvals.read(person, id).statusCode(200).body("status", equalTo("APPROVED"));
        Approvals.list(owner, companyId).body("items[0].status", equalTo("APPROVED"));
    }

    @Test
    void anAdminMayGrantAnotherRoleThanTheOneAskedFor() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, admin, "ADMIN");

        String id = Approvals.ask(person, Map.of("companyId", companyId, "requestedRole", "STAFF"))
                .statusCode(201).extract().path("id");
        Approvals.approve(admin, id, "ADMIN").statusCode(200)
                .body("requestedRole", equalTo("STAFF"))
                .body("grantedRole", equalTo("ADMIN"))
                .body("reviewerId", equalTo(admin.toString()));
        assertEquals("ADMIN", companies.roleOf(companyId, person));
    }

    @Test
    void rejectedWithAReasonTheRequesterCanRead() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);

        Approvals.reject(owner, id, "  We are not hiring right now.  ").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("We are not hiring right now."))
                .body("reviewerId", equalTo(owner.toString()))
                .body("reviewedAt", notNullValue())
                .body("grantedRole", nullValue());

        Approvals.read(person, id).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("We are not hiring right now."));
        assertEquals(null, companies.roleOf(companyId, person));
        assertTrue(companies.addMemberCalls(companyId).isEmpty());
    }

    @Test
    void theRequesterCancels() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);

        Approvals.cancel(person, id).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("reviewerId", nullValue());
        Approvals.list(owner, companyId).body("items[0].status", equalTo("CANCELLED"));
        // A cancelled request no longer blocks a new one.
        Approvals.ask(person, companyId).statusCode(201);
    }

    @Test
    void nobodyButTheRequesterCancels() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);

        Approvals.cancel(owner, id).statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("request_not_found"));
        Approvals.cancel(UUID.randomUUID(), id).statusCode(404).body("code", equalTo("request_not_found"));
        Approvals.read(person, id).body("status", equalTo("PENDING"));
    }

    @Test
    void mineListsOnlyTheCallersRequestsNewestFirst() {
        UUID person = UUID.randomUUID();
        String first = Approvals.pending(person, companies.activeCompany(UUID.randomUUID()));
        String second = Approvals.pending(person, companies.activeCompany(UUID.randomUUID()));
        Approvals.pending(UUID.randomUUID(), companies.activeCompany(UUID.randomUUID()));

        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].id", equalTo(second))
                .body("[1].id", equalTo(first));
    }

    @Test
    void listsAreFilteredByStatusAndPaged() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String rejected = Approvals.pending(UUID.randomUUID(), companyId);
        Approvals.reject(owner, rejected, "no").statusCode(200);
        for (int i = 0; i < 3; i++) {
            Approvals.pending(UUID.randomUUID(), companyId);
        }

        given().auth().oauth2(Approvals.token(owner))
                .queryParam("companyId", companyId).queryParam("status", "PENDING")
                .queryParam("page", 1).queryParam("size", 2)
                .when().get("/approvals")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        // a page past the end is empty but still tells how many there are
        given().auth().oauth2(Approvals.token(owner))
                .queryParam("companyId", companyId).queryParam("status", "PENDING")
                .queryParam("page", 5).queryParam("size", 2)
                .when().get("/approvals")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        given().auth().oauth2(Approvals.token(owner))
                .queryParam("companyId", companyId).queryParam("status", "rejected")
                .when().get("/approvals")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(rejected));
    }

    private static boolean isServiceToken(String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        JsonNode claims = new ObjectMapper()
                .readTree(Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]));
        return "service".equals(claims.path("token_use").asText())
                && "approval-service".equals(claims.path("sub").asText());
    }
}
