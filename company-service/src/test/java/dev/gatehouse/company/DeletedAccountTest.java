package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * auth-service's {@code user-deleted} event: the person is remembered as deleted, leaves every company, and can
 * neither create a company nor be added to one with a token that is still valid; the event may come twice.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class DeletedAccountTest {

    @Test
    void aRepeatedEventIsHarmless() {
        UUID owner = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.addMember(companyId, leaving, "STAFF");

        Companies.userDeleted(leaving);
        Companies.userDeleted(leaving);

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId + "/members")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].userId", equalTo(owner.toString()));
    }

    @Test
    void aDeletedAccountCannotCreateACompanyOrBeAdded() {
        UUID owner = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        String companyId = Companies.createActive(owner);
        Companies.userDeleted(deleted);

        given().auth().oauth2(Companies.ISSUER.userToken(deleted)).contentType(ContentType.JSON)
                .body(Map.of("name", "Ghost Ltd", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(401).body("code", equalTo("account_deleted"));
        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", deleted.toString(), "role", "STAFF"))
                .when().post("/internal/companies/" + companyId + "/members")
                .then().statusCode(409).body("code", equalTo("user_deleted"));
        given().auth().oauth2(Companies.ISSUER.userToken(deleted)).when().get("/companies/mine")
                .then().statusCode(200).body("$", hasSize(0));
    }

    /**
     * Companies created while the deletion runs: each creation either is refused or its company is found and
     * deactivated by the deletion. None is left with the deleted person as owner.
     */
    @Test
    void companiesCreatedDuringTheDeletionDoNotOutliveIt() throws Exception {
        UUID person = UUID.randomUUID();
        String token = Companies.ISSUER.userToken(person);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("name", "Race Ltd", "countryCode", "KE", "phoneNumber", "+254712345678"))
                        .when().post("/companies").andReturn());
                if (i == 4) {
                    calls.add(() -> given().auth().oauth2(Companies.ISSUER.serviceToken("auth-service"))
                            .when().put("/internal/deleted-users/" + person).andReturn());
                }
            }
            List<String> created = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                Response response = answer.get();
                int status = response.statusCode();
                assertTrue(status == 201 || status == 204 || status == 401, "unexpected " + status);
                if (status == 201) {
                    created.add(response.path("companyId"));
                }
            }
            Companies.userDeleted(person);
            given().auth().oauth2(token).when().get("/companies/mine").then().statusCode(200).body("$", hasSize(0));
            for (String companyId : created) {
                given().auth().oauth2(Companies.ISSUER.adminToken(UUID.randomUUID()))
                        .when().get("/companies/" + companyId)
                        .then().statusCode(200).body("status", equalTo("DEACTIVATED"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The two owners of a company delete their accounts at the same moment. Each deletion counts the owners under
     * the company's lock, so the second one finds itself the last owner and the company is deactivated; without the
     * lock both would count two, and an active company would be left with no owner.
     */
    @Test
    void twoOwnersDeletingTheirAccountsAtOnceNeverLeaveAnActiveCompanyWithoutOwner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 8; round++) {
                UUID first = UUID.randomUUID();
                UUID second = UUID.randomUUID();
                UUID staff = UUID.randomUUID();
                String companyId = Companies.createActive(first);
                Companies.addMember(companyId, second, "ADMIN");
                Companies.addMember(companyId, staff, "STAFF");
                given().auth().oauth2(Companies.ISSUER.userToken(first)).contentType(ContentType.JSON)
                        .body(Map.of("role", "OWNER"))
                        .when().patch("/companies/" + companyId + "/members/" + second)
                        .then().statusCode(200);

                List<Callable<Integer>> deletions = List.of(
                        () -> given().auth().oauth2(Companies.ISSUER.serviceToken("auth-service"))
                                .when().put("/internal/deleted-users/" + first).statusCode(),
                        () -> given().auth().oauth2(Companies.ISSUER.serviceToken("auth-service"))
                                .when().put("/internal/deleted-users/" + second).statusCode());
                for (Future<Integer> status : pool.invokeAll(deletions)) {
                    assertEquals(204, status.get());
                }

                String status = given().auth().oauth2(Companies.ISSUER.adminToken(UUID.randomUUID()))
                        .when().get("/companies/" + companyId).then().statusCode(200).extract().path("status");
                List<String> roles = given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service"))
                        .when().get("/companies/" + companyId + "/members")
                        .then().statusCode(200).body("$", hasSize(1)).extract().path("role");
                assertTrue("DEACTIVATED".equals(status) || roles.contains("OWNER"),
                        "round " + round + ": " + status + " company with members " + roles);
                assertEquals("DEACTIVATED", status, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
