package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Each internal endpoint needs its own scope: approval-service (members:read, members:write) cannot remove a user
 * from every company, auth-service (user-data:delete) cannot add members, company-service's own token opens
 * nothing here, and a person's token never passes for a service's.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class ServiceScopeTest {

    @Test
    void approvalServiceCannotRemoveAUserEverywhere() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, staff, "STAFF");

        removeUser(Companies.ISSUER.serviceToken("approval-service"), staff).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        removeUser(Companies.ISSUER.serviceToken("company-service"), staff).statusCode(403);
        readRole(Companies.ISSUER.serviceToken("approval-service"), companyId, staff).statusCode(200)
                .body("role", equalTo("STAFF"));
    }

    @Test
    void onlyMembersWriteAddsAndOnlyMembersReadReads() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        for (String token : new String[] { Companies.ISSUER.serviceToken("auth-service"),
                Companies.ISSUER.serviceToken("company-service"),
                Companies.ISSUER.serviceToken("approval-service", Set.of("members:read")) }) {
            addMember(token, companyId, UUID.randomUUID()).statusCode(403).contentType("application/problem+json");
        }
        for (String token : new String[] { Companies.ISSUER.serviceToken("auth-service"),
                Companies.ISSUER.serviceToken("company-service"),
                Companies.ISSUER.serviceToken("approval-service", Set.of("members:write")) }) {
            readRole(token, companyId, owner).statusCode(403);
        }
        addMember(Companies.ISSUER.serviceToken("approval-service", Set.of("members:write")), companyId,
                UUID.randomUUID()).statusCode(200);
    }

    @Test
    void peoplesTokensAreRefusedAtEveryInternalEndpoint() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        for (String token : new String[] { Companies.ISSUER.userToken(owner),
                Companies.ISSUER.adminToken(UUID.randomUUID()), Companies.ISSUER.userTokenClaimingScopes(owner),
                Companies.ISSUER.serviceTokenWithUserAudience("auth-service") }) {
            addMember(token, companyId, UUID.randomUUID()).statusCode(403).body("code", equalTo("forbidden"));
            readRole(token, companyId, owner).statusCode(403);
            removeUser(token, owner).statusCode(403);
        }
        given().when().put("/internal/deleted-users/" + owner).then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/mine").then().statusCode(200);
    }

    @Test
    void serviceTokensAreRefusedWherePeopleAreExpected() {
        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service")).when().get("/companies/mine")
                .then().statusCode(403).body("code", equalTo("user_token_required"));
    }

    private static ValidatableResponse addMember(String token, String companyId, UUID userId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("userId", userId.toString(), "role", "STAFF"))
                .when().post("/internal/companies/" + companyId + "/members").then();
    }

    private static ValidatableResponse readRole(String token, String companyId, UUID userId) {
        return given().auth().oauth2(token).when().get("/internal/companies/" + companyId + "/members/" + userId)
                .then();
    }

    private static ValidatableResponse removeUser(String token, UUID userId) {
        return given().auth().oauth2(token).when().put("/internal/deleted-users/" + userId).then();
    }
}
