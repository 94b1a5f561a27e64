package dev.gatehouse.approval;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Only a pending request can be decided, and only once, even when decisions race. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class DecisionRulesTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);

        String approved = Approvals.pending(person, companyId);
        Approvals.approve(owner, approved).statusCode(200);
        notPending(Approvals.approve(owner, approved));
        notPending(Approvals.reject(owner, approved, "too late"));
        notPending(Approvals.cancel(person, approved));

        UUID other = UUID.randomUUID();
        String rejected = Approvals.pending(other, companyId);
        Approvals.reject(owner, rejected, "no").statusCode(200);
        notPending(Approvals.approve(owner, rejected));
        notPending(Approvals.cancel(other, rejected));

        String cancelled = Approvals.pending(other, companyId);
        Approvals.cancel(other, cancelled).statusCode(200);
        notPending(Approvals.approve(owner, cancelled));
        assertEquals(1, companies.addMemberCalls(companyId).size(), "only the first approval reached company-service");
    }

    @Test
    void approveAndRejectAtOnceLeaveOneDecision() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        companies.member(companyId, admin, "ADMIN");
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        // Adding the member takes a while, so the reject arrives while the approval holds the row.
        companies.addMemberDelay(Duration.ofMillis(300));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> approve = pool.submit(() -> Approvals.approve(owner, id).extract().statusCode());
            Thread.sleep(100);
            Future<Integer> reject = pool.submit(() -> Approvals.reject(admin, id, "no").extract().statusCode());
            List<Integer> statuses = List.of(approve.get(), reject.get());

            assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
            String status = Approvals.read(owner, id).extract().path("status");
            assertEquals(approve.get() == 200 ? "APPROVED" : "REJECTED", status);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuspendedCompanyTakesNoNewMemberAndTheRequestStaysPending() {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(UUID.randomUUID(), companyId);
        companies.setStatus(companyId, "SUSPENDED");

        Approvals.approve(owner, id).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("company_not_active"));
        Approvals.read(owner, id).body("status", equalTo("PENDING"));
    }

    private static void notPending(io.restassured.response.ValidatableResponse response) {
        response.statusCode(409).contentType("application/problem+json").body("code", equalTo("request_not_pending"));
    }
}
