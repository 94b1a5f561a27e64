package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.approval.client.CompanyDirectory;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * company-service failing again and again opens the circuit breaker of the role lookup: the admin then gets 503 with
 * Retry-After at once, company-service is not called, and once it answers again the breaker lets a call through and
 * closes. A 404 (not a member) is an answer, not a failure: it never opens the breaker.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class CompanyBreakerTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void companyServiceWorks() {
        companies.reset();
        breakers.resetAll();
    }

    @Test
    void theLookupBreakerOpensAnswersWithoutCallingAndClosesAgain() throws InterruptedException {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.mode(CompanyServiceStub.Mode.FAILING);
        for (int i = 0; i < 4; i++) {
            Approvals.list(owner, companyId).statusCode(503).header("Retry-After", equalTo("5"))
                    .body("code", equalTo("company_service_unavailable"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(CompanyDirectory.ROLE_BREAKER));
        // Readiness is about this service's own database, not about company-service.
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        companies.reset();
        int callsBefore = companies.companyCalls();
        Approvals.list(owner, companyId).statusCode(503).body("code", equalTo("company_service_unavailable"));
        assertEquals(callsBefore, companies.companyCalls(), "an open breaker does not call company-service");

        for (int waited = 0; breakers.currentState(CompanyDirectory.ROLE_BREAKER) == CircuitBreakerState.OPEN
                && waited < 100; waited++) {
            Approvals.list(owner, companyId);
            Thread.sleep(100);
        }
        Approvals.list(owner, companyId).statusCode(200);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(CompanyDirectory.ROLE_BREAKER));
    }

    @Test
    void strangersDoNotOpenTheBreaker() {
        String companyId = companies.activeCompany(UUID.randomUUID());
        for (int i = 0; i < 12; i++) {
            Approvals.list(UUID.randomUUID(), companyId).statusCode(403);
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(CompanyDirectory.ROLE_BREAKER));
    }
}
