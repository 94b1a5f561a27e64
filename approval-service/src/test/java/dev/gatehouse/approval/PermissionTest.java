package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Only a company's owners and admins list and decide its requests. People who may know a request exists (its
 * requester, the company's staff) are told 403; everyone else gets the 404 of a request that does not exist.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class PermissionTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Test
    void staffAndStrangersCannotListACompanysRequests() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, admin, "ADMIN");
        companies.member(companyId, staff, "STAFF");
        Approvals.pending(UUID.randomUUID(), companyId);

        forbidden(Approvals.list(staff, companyId));
        forbidden(Approvals.list(UUID.randomUUID(), companyId));
        Approvals.list(admin, companyId).statusCode(200).body("items", hasSize(1));
    }

    @Test
    void staffAndTheRequesterCannotDecide() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, staff, "STAFF");
        String id = Approvals.pending(person, companyId);

        forbidden(Approvals.approve(staff, id));
        forbidden(Approvals.reject(staff, id, "no"));
        forbidden(Approvals.approve(person, id));
        forbidden(Approvals.reject(person, id, "changed my mind"));
        Approvals.read(person, id).body("status", equalTo("PENDING"));
    }

    @Test
    void strangersAreToldTheRequestDoesNotExist() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, staff, "STAFF");
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        // An owner of another company is a stranger here.
        UUID otherOwner = UUID.randomUUID();
        companies.activeCompany(otherOwner);

        notFound(Approvals.read(stranger, id));
        notFound(Approvals.read(staff, id));
        notFound(Approvals.read(otherOwner, id));
        notFound(Approvals.approve(stranger, id));
        notFound(Approvals.approve(otherOwner, id));
        notFound(Approvals.reject(stranger, id, "no"));
        notFound(Approvals.read(owner, UUID.randomUUID().toString()));
        notFound(Approvals.read(owner, "not-a-uuid"));
    }

    @Test
    void aDemotedAdminLosesTheRightAtOnce() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, admin, "ADMIN");
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        Approvals.read(admin, id).statusCode(200);

        companies.member(companyId, admin, "STAFF");
        forbidden(Approvals.approve(admin, id));
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().when().get("/approvals/mine")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthorized"));
        given().when().post("/approvals/" + UUID.randomUUID() + "/approve")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(Approvals.ISSUER.userTokenSignedByStranger(UUID.randomUUID()))
                .when().get("/approvals/mine")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(Approvals.ISSUER.expiredUserToken(UUID.randomUUID()))
                .when().get("/approvals/mine")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("code", equalTo("admin_required"));
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("code", equalTo("request_not_found"));
    }
}
