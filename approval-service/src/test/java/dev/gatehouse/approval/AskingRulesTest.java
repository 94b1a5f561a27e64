package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may ask to join which company, and the one-pending-request rule. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class AskingRulesTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
    }

    @Test
    void aSecondPendingRequestIsRefused() {
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(UUID.randomUUID());
        Approvals.pending(person, companyId);

        Approvals.ask(person, companyId).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("request_pending"))
                .body("status", equalTo(409));
    }

    @Test
    void concurrentRequestsLeaveExactlyOnePending() throws Exception {
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> asks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asks.add(() -> Approvals.ask(person, companyId).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(asks)) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMemberCannotAsk() {
        UUID owner = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, staff, "STAFF");

        Approvals.ask(staff, companyId).statusCode(409).body("code", equalTo("already_member"));
        Approvals.ask(owner, companyId).statusCode(409).body("code", equalTo("already_member"));
    }

    @Test
    void anUnknownCompanyIsNotFound() {
        Approvals.ask(UUID.randomUUID(), "KE-0000-0000").statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("company_not_found"));
    }

    @Test
    void onlyAnActiveCompanyTakesRequests() {
        UUID owner = UUID.randomUUID();
        String pending = companies.company("PENDING_VERIFICATION", owner);
        String suspended = companies.company("SUSPENDED", owner);

        Approvals.ask(UUID.randomUUID(), pending).statusCode(409).body("code", equalTo("company_not_active"));
        Approvals.ask(UUID.randomUUID(), suspended).statusCode(409).body("code", equalTo("company_not_active"));
    }

    @Test
    void anUnverifiedPersonCannotAsk() {
        String companyId = companies.activeCompany(UUID.randomUUID());
        given().auth().oauth2(Approvals.ISSUER.unverifiedUserToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("companyId", companyId))
                .when().post("/approvals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("verification_required"));
    }

    @Test
    void aServiceCannotAsk() {
        String companyId = companies.activeCompany(UUID.randomUUID());
        given().auth().oauth2(Approvals.ISSUER.serviceToken("company-service")).contentType(ContentType.JSON)
                .body(Map.of("companyId", companyId))
                .when().post("/approvals")
                .then().statusCode(403).body("code", equalTo("user_token_required"));
    }

    @Test
    void afterADecisionThePersonMayAskAgain() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String first = Approvals.pending(person, companyId);
        Approvals.reject(owner, first, "Not yet").statusCode(200);

        Approvals.ask(person, companyId).statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void whenCompanyServiceIsDownAskingAnswers503() {
        String companyId = companies.activeCompany(UUID.randomUUID());
        companies.mode(CompanyServiceStub.Mode.FAILING);

        Approvals.ask(UUID.randomUUID(), companyId).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("code", equalTo("company_service_unavailable"));
    }
}
