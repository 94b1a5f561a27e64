package dev.gatehouse.approval;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * When company-service fails while a member is being added, the decision stays APPROVING (company-service may or may
 * not have the member), no other decision can overtake it, and approving again finishes it.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class CompanyOutageTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
        // The failures here may have opened a circuit breaker; the next test starts from a closed one.
        breakers.resetAll();
    }

    @Test
    void failingCompanyServiceMeans503AndTheApprovalIsFinishedLater() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.FAILING);

        Approvals.approve(owner, id).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("code", equalTo("company_service_unavailable"))
                .body("detail", not(containsString("Exception")));
        // The first try and two retries, then it gives up.
        assertEquals(3, companies.addMemberCalls(companyId).size());
        Approvals.read(owner, id).statusCode(200).body("status", equalTo("APPROVING"));
        assertNull(companies.roleOf(companyId, person));
        Approvals.reject(owner, id, "changed my mind").statusCode(409).body("code", equalTo("approval_in_progress"));
        Approvals.cancel(person, id).statusCode(409).body("code", equalTo("approval_in_progress"));

        companies.reset();
        Approvals.approve(owner, id).statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals("STAFF", companies.roleOf(companyId, person));
    }

    @Test
    void aPassingFailureIsRetriedInsideTheDecision() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.failNextAddMembers(1);

        // The retry resumes after a back-off on another thread; the transaction must still complete on its own.
        Approvals.approve(owner, id).statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(2, companies.addMemberCalls(companyId).size());
        assertEquals("STAFF", companies.roleOf(companyId, person));
    }

    @Test
    void aStalledCompanyServiceTimesOutInto503() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.STALLED);

        Approvals.approve(owner, id).statusCode(503).body("code", equalTo("company_service_unavailable"));
        Approvals.read(owner, id).body("status", equalTo("APPROVING"));
    }

    @Test
    void aFailedLookupIsNot403But503() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        companies.mode(CompanyServiceStub.Mode.FAILING);

        Approvals.list(owner, companyId).statusCode(503).body("code", equalTo("company_service_unavailable"));
        Approvals.approve(owner, id).statusCode(503).body("code", equalTo("company_service_unavailable"));
        companies.reset();
        Approvals.read(owner, id).body("status", equalTo("PENDING"));
    }
}
