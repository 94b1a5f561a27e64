package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class MembershipTest {

    @Test
    void ownerPromotesStaffToAdminAndAdminManagesStaff() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, admin, "STAFF");
        Companies.addMember(companyId, staff, "STAFF");

        patchRole(owner, companyId, admin, "ADMIN").statusCode(200).body("role", equalTo("ADMIN"));
        patchRole(admin, companyId, staff, "ADMIN").statusCode(200);
        patchRole(admin, companyId, staff, "STAFF").statusCode(200);

        given().auth().oauth2(Companies.ISSUER.userToken(staff)).when().get("/companies/mine")
                .then().statusCode(200).body("find { it.companyId == '" + companyId + "' }.role", equalTo("STAFF"));
    }

    @Test
    void staffCannotManageMembers() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, staff, "STAFF");
        Companies.addMember(companyId, other, "STAFF");

        patchRole(staff, companyId, other, "ADMIN").statusCode(403).body("code", equalTo("admin_required"));
        given().auth().oauth2(Companies.ISSUER.userToken(staff))
                .when().delete("/companies/" + companyId + "/members/" + other)
                .then().statusCode(403).body("code", equalTo("admin_required"));
        patchRole(UUID.randomUUID(), companyId, other, "ADMIN").statusCode(403).body("code", equalTo("not_a_member"));
    }

    @Test
    void onlyAnOwnerTouchesTheOwnerRole() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, admin, "ADMIN");

        patchRole(admin, companyId, admin, "OWNER").statusCode(403).body("code", equalTo("owner_required"));
        patchRole(admin, companyId, owner, "STAFF").statusCode(403).body("code", equalTo("owner_required"));
        given().auth().oauth2(Companies.ISSUER.userToken(admin))
                .when().delete("/companies/" + companyId + "/members/" + owner)
                .then().statusCode(403).body("code", equalTo("owner_required"));
    }

    @Test
    void theLastOwnerCannotLeaveOrStepDown() {
        UUID owner = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String companyId = Companies.createActive(owner);

        patchRole(owner, companyId, owner, "ADMIN").statusCode(409).body("code", equalTo("last_owner"));
        given().auth().oauth2(Companies.ISSUER.userToken(owner))
                .when().delete("/companies/" + companyId + "/members/" + owner)
                .then().statusCode(409).body("code", equalTo("last_owner"));

        // With a second owner, the first may step down.
        Companies.addMember(companyId, second, "ADMIN");
        patchRole(owner, companyId, second, "OWNER").statusCode(200);
        patchRole(owner, companyId, owner, "STAFF").statusCode(200).body("role", equalTo("STAFF"));
    }

    @Test
    void aMemberMayLeave() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, staff, "STAFF");

        given().auth().oauth2(Companies.ISSUER.userToken(staff))
                .when().delete("/companies/" + companyId + "/members/" + staff)
                .then().statusCode(204);
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId + "/members")
                .then().body("userId", not(hasItem(staff.toString())));
    }

    @Test
    void unknownMemberIsNotFoundAndBadRoleIsAFieldError() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        patchRole(owner, companyId, UUID.randomUUID(), "STAFF").statusCode(404).body("code",
                equalTo("member_not_found"));
        patchRole(owner, companyId, owner, "KING").statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void addingByServiceIsIdempotentAndNeedsAnActiveCompany() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String pending = Companies.create(owner);
        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", staff.toString(), "role", "STAFF"))
                .when().post("/internal/companies/" + pending + "/members")
                .then().statusCode(409).body("code", equalTo("company_not_active"));

        String active = Companies.createActive(owner);
        Companies.addMember(active, staff, "STAFF");
        Companies.addMember(active, staff, "STAFF");
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + active + "/members")
                .then().body("$", hasSize(2));

        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service"))
                .when().get("/internal/companies/" + active + "/members/" + staff)
                .then().statusCode(200).body("role", equalTo("STAFF"));

        // A retried add whose first try committed gets the same answer after the company was suspended.
        given().auth().oauth2(Companies.ISSUER.adminToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "reason", "suspended in a test"))
                .when().put("/companies/" + active + "/status").then().statusCode(200);
        Companies.addMember(active, staff, "STAFF");
        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", UUID.randomUUID().toString(), "role", "STAFF"))
                .when().post("/internal/companies/" + active + "/members")
                .then().statusCode(409).body("code", equalTo("company_not_active"));
    }

    @Test
    void internalEndpointsRefusePeople() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("userId", UUID.randomUUID().toString(), "role", "ADMIN"))
                .when().post("/internal/companies/" + companyId + "/members")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void deletingAnAccountRemovesItsMembershipsAndDeactivatesCompaniesItSolelyOwned() {
        UUID owner = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        String shared = Companies.createActive(owner);
        Companies.addMember(shared, leaving, "STAFF");
        String solelyOwned = Companies.create(leaving);

        Companies.userDeleted(leaving);

        given().auth().oauth2(Companies.ISSUER.userToken(leaving)).when().get("/companies/mine")
                .then().body("$", hasSize(0));
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + solelyOwned)
                .then().body("status", equalTo("DEACTIVATED"));
    }

    @Test
    void operatorStatusChangesFollowTheLifecycle() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        String operator = Companies.ISSUER.adminToken(UUID.randomUUID());

        changeStatus(Companies.ISSUER.userToken(owner), companyId, "SUSPENDED").statusCode(403)
                .body("code", equalTo("platform_admin_required"));
        changeStatus(operator, companyId, "SUSPENDED").statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("a test reason"));
        changeStatus(operator, companyId, "SUSPENDED").statusCode(409).body("code", equalTo("illegal_transition"));
        changeStatus(operator, companyId, "DEACTIVATED").statusCode(200);
        changeStatus(operator, companyId, "ACTIVE").statusCode(409).body("code", equalTo("illegal_transition"));
        changeStatus(operator, companyId, "PENDING_VERIFICATION").statusCode(409);
    }

    private static ValidatableResponse changeStatus(String token, String companyId, String status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "a test reason"))
                .when().put("/companies/" + companyId + "/status").then();
    }

    private static ValidatableResponse patchRole(UUID actor, String companyId, UUID target, String role) {
        return given().auth().oauth2(Companies.ISSUER.userToken(actor)).contentType(ContentType.JSON)
                .body(Map.of("role", role))
                .when().patch("/companies/" + companyId + "/members/" + target).then();
    }
}
