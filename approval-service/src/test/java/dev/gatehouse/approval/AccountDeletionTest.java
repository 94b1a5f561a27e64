package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Flow 7: auth-service's {@code user-deleted} event removes a deleted account's requests, only on a service's word, as
 * often as it is delivered; the person's still-valid token can no longer ask.
 */
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

        userDeleted(leaving);
        // Redelivered: harmless.
        userDeleted(leaving);

        given().auth().oauth2(Approvals.token(leaving)).when().get("/approvals/mine")
                .then().body("$", hasSize(0));
        Approvals.list(owner, companyId).body("items", hasSize(1))
                .body("items[0].userId", equalTo(staying.toString()));
        Approvals.ask(leaving, companies.activeCompany(UUID.randomUUID())).statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("account_deleted"));
    }

    /** Requests made while the deletion runs are either refused or removed by it: none outlives it. */
    @Test
    void requestsMadeDuringTheDeletionDoNotOutliveIt() throws Exception {
        UUID person = UUID.randomUUID();
        List<String> companyIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            companyIds.add(companies.activeCompany(UUID.randomUUID()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < companyIds.size(); i++) {
                String companyId = companyIds.get(i);
                calls.add(() -> Approvals.ask(person, companyId).extract().statusCode());
                if (i == 3) {
                    calls.add(() -> given().auth().oauth2(Approvals.ISSUER.serviceToken("auth-service"))
                            .when().put("/internal/deleted-users/" + person).statusCode());
                }
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertTrue(List.of(201, 204, 401).contains(status.get()), "unexpected " + status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        userDeleted(person);
        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine").then().body("$", hasSize(0));
    }

    private static void userDeleted(UUID user) {
        given().auth().oauth2(Approvals.ISSUER.serviceToken("auth-service"))
                .when().put("/internal/deleted-users/" + user)
                .then().statusCode(204);
    }

    @Test
    void peopleCannotCallIt() {
        UUID person = UUID.randomUUID();
        Approvals.pending(person, companies.activeCompany(UUID.randomUUID()));

        given().auth().oauth2(Approvals.token(person))
                .when().put("/internal/deleted-users/" + person)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().put("/internal/deleted-users/" + person)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Approvals.token(person)).when().get("/approvals/mine")
                .then().body("$", hasSize(1));
    }
}
