package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Flow 7: a deleted account's requests are removed on auth-service's word, and only on a service's word. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class AccountDeletionTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Test
    void removesEveryRequestOfTheDeletedAccount() {
        UUID owner = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String decided = Approvals.pending(leaving, companyId);
        Approvals.reject(owner, decided, "no").statusCode(200);
        Approvals.pending(leaving, companyId);
        Approvals.pending(leaving, companies.activeCompany(UUID.randomUUID()));
        Approvals.pending(staying, companyId);

        given().auth().oauth2(Approvals.ISSUER.serviceToken("auth-service"))
                .when().delete("/internal/users/" + leaving + "/requests")
                .then().statusCode(200).body("removed", equalTo(3));
        given().auth().oauth2(Approvals.ISSUER.serviceToken("auth-service"))
                .when().delete("/internal/users/" + leaving + "/requests")
                .then().statusCode(200).body("removed", equalTo(0));

        given().auth().oauth2(Approvals.token(leaving)).when().get("/approvals/mine")
                .then().body("$", hasSize(0));
        Approvals.list(owner, companyId).body("items", hasSize(1))
                .body("items[0].userId", equalTo(staying.toString()));
    }

    @Test
    void peopleCannotCallIt() {
        UUID person = UUID.randomUUID();
        Approvals.pending(person, companies.activeCompany(UUID.randomUUID()));

        given().auth().oauth2(Approvals.token(person))
                .when().delete("/internal/users/" + person + "/requests")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().delete("/internal/users/" + person + "/requests")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine")
                .then().body("$", hasSize(1));
    }
}
