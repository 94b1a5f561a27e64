package dev.gatehouse.approval;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.approval.service.ApprovalReconciliation;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Approving is a saga: decision committed as APPROVING, member added in company-service, request APPROVED. A failure
 * is injected at each step; afterwards the reconciliation job (run here by hand) makes the decision and the
 * membership agree.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class ApprovalSagaTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Inject
    ApprovalReconciliation reconciliation;

    @Inject
    Database database;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** company-service answers normally again, and the breakers in front of it forget the failures. */
    private void companyServiceBack() {
        companies.reset();
        breakers.resetAll();
    }

    @AfterEach
    void backToNormal() {
        companyServiceBack();
        database.update("DROP TRIGGER IF EXISTS fail_approving ON staff_approval_requests");
        database.update("DROP FUNCTION IF EXISTS fail_approving()");
    }

    /** company-service adds the member, but its answer comes after approval-service stopped waiting. */
    @Test
    void companyServiceCommitsButTheAnswerIsLost() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.STALLED);

        Approvals.approve(owner, id).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("company_service_unavailable"));
        awaitMember(companyId, person);
        Approvals.read(owner, id).body("status", equalTo("APPROVING"));

        // Nothing else may decide it meanwhile, and it does not expire.
        Approvals.reject(owner, id, "no").statusCode(409).body("code", equalTo("approval_in_progress"));
        Approvals.cancel(person, id).statusCode(409).body("code", equalTo("approval_in_progress"));
        database.overdue(id);
        Approvals.read(owner, id).body("status", equalTo("APPROVING"));

        companyServiceBack();
        reconcile();
        Approvals.read(owner, id).body("status", equalTo("APPROVED")).body("grantedRole", equalTo("STAFF"));
        assertEquals("STAFF", companies.roleOf(companyId, person));
        // A second pass changes nothing, and adds no second membership.
        reconcile();
        Approvals.read(owner, id).body("status", equalTo("APPROVED"));
    }

    /** company-service has the member, and then approval-service's own last commit fails. */
    @Test
    void approvalsOwnCommitFails() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        database.update("CREATE FUNCTION fail_approving() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.status = 'APPROVED' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
        database.update("CREATE TRIGGER fail_approving BEFORE UPDATE ON staff_approval_requests FOR EACH ROW"
                + " EXECUTE FUNCTION fail_approving()");

        Approvals.approve(owner, id).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("code", equalTo("approval_unfinished"));
        assertEquals("STAFF", companies.roleOf(companyId, person));
        assertEquals("APPROVING", database.storedStatus(id));
        // While the database keeps failing, reconciliation leaves it for the next run.
        reconcile();
        assertEquals("APPROVING", database.storedStatus(id));

        database.update("DROP TRIGGER fail_approving ON staff_approval_requests");
        reconcile();
        Approvals.read(person, id).body("status", equalTo("APPROVED"));
    }

    /** company-service is down: the approval waits in APPROVING and is finished once it is back. */
    @Test
    void companyServiceDown() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.FAILING);

        Approvals.approve(owner, id, "ADMIN").statusCode(503).header("Retry-After", equalTo("5"))
                .body("code", equalTo("company_service_unavailable"));
        reconcile();
        Approvals.read(owner, id).body("status", equalTo("APPROVING"));
        assertNull(companies.roleOf(companyId, person));

        companyServiceBack();
        reconcile();
        Approvals.read(owner, id).body("status", equalTo("APPROVED")).body("grantedRole", equalTo("ADMIN"));
        assertEquals("ADMIN", companies.roleOf(companyId, person));
    }

    /** A refusal that will not change (the company was suspended meanwhile) puts the request back to PENDING. */
    @Test
    void aFinalRefusalDuringReconciliationMakesItPendingAgain() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.FAILING);
        Approvals.approve(owner, id).statusCode(503);

        companyServiceBack();
        companies.setStatus(companyId, "SUSPENDED");
        reconcile();
        Approvals.read(owner, id).body("status", equalTo("PENDING")).body("grantedRole", equalTo(null));
        assertNull(companies.roleOf(companyId, person));

        // Approving again, once the company is active, works as for any pending request.
        companies.setStatus(companyId, "ACTIVE");
        Approvals.approve(owner, id).statusCode(200).body("status", equalTo("APPROVED"));
    }

    /** Approving an APPROVING request again resumes it with the role decided first, and adds the member once. */
    @Test
    void approvingAgainResumesWithTheFirstDecision() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        companies.addMemberMode(CompanyServiceStub.Mode.FAILING);
        Approvals.approve(owner, id, "ADMIN").statusCode(503);

        companyServiceBack();
        Approvals.approve(owner, id, "STAFF").statusCode(200).body("status", equalTo("APPROVED"))
                .body("grantedRole", equalTo("ADMIN"));
        assertEquals("ADMIN", companies.roleOf(companyId, person));
    }

    /**
     * One pass of the reconciliation job, as the scheduler would run it: on a Vert.x context, where the service's
     * reactive calls expect to run. Other tests' unfinished approvals may be settled by it too.
     */
    private void reconcile() {
        try {
            VertxContextSupport.subscribeAndAwait(reconciliation::reconcile);
        } catch (Throwable failure) {
            throw new AssertionError(failure);
        }
    }

    private void awaitMember(String companyId, UUID person) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (companies.roleOf(companyId, person) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertNotNull(companies.roleOf(companyId, person), "the stalled add-member call completed in the stub");
    }
}
