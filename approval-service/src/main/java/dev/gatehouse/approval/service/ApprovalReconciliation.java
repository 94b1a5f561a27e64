package dev.gatehouse.approval.service;

import java.time.Duration;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.client.CompanyDirectory;
import dev.gatehouse.approval.config.ApprovalConfig;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The second and third steps of approving, and the job that runs them again for approvals cut short.
 * <p>
 * A request in APPROVING has a committed decision; whether company-service has the member is unknown until it
 * answers. Adding the member is idempotent there, so the step is simply repeated until it is answered: a member
 * means APPROVED; a refusal that will not change (the company is no longer active, the person deleted their account)
 * means PENDING again; no answer leaves it APPROVING for the next try. Whatever fails, and wherever a process stops,
 * the decision and the membership end up agreeing.
 */
@ApplicationScoped
public class ApprovalReconciliation {

    private static final Logger LOG = Logger.getLogger(ApprovalReconciliation.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CompanyDirectory companies;
    private final RequestStore store;
    private final ApprovalConfig.Reconciliation config;

    public ApprovalReconciliation(CompanyDirectory companies, RequestStore store, ApprovalConfig config) {
        this.companies = companies;
        this.store = store;
        this.config = config.reconciliation();
    }

    /**
     * Adds the member of an APPROVING request and completes it. Fails with company-service's refusal (after putting
     * the request back to PENDING), or with a 503 when the outcome is unknown and the request stays APPROVING.
     */
    public Uni<StaffApprovalRequest> finish(StaffApprovalRequest approving) {
        return companies.addMember(approving.companyId, approving.userId, approving.grantedRole)
                .onFailure(ApprovalReconciliation::isFinalRefusal)
                .call(refusal -> store.abandonApproval(approving.id)
                        .invoke(() -> LOG.infof("company-service refused the member of request %s (%s); it is"
                                + " pending again", approving.id, refusal.getMessage()))
                        // Still APPROVING then: the next reconciliation gets the same refusal and tries again.
                        .onFailure().recoverWithNull())
                .chain(() -> store.completeApproval(approving.id)
                        // Removed meanwhile: the person deleted their account.
                        .onItem().ifNull().failWith(RequestAccess::notFound)
                        .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                            LOG.warnf("Request %s: the member was added but approving could not be stored (%s);"
                                    + " reconciliation will finish it", approving.id, failure.toString());
                            return unfinished();
                        }));
    }

    /** Finishes approvals left in APPROVING for longer than the configured grace. Failures wait for the next run. */
    @Scheduled(identity = "reconcile-approvals", every = "${gatehouse.approval.reconciliation.every:30s}", delayed = "${gatehouse.approval.reconciliation.delay:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return reconcile().replaceWithVoid();
    }

    /** One pass; returns how many approvals were settled (approved, or pending again). */
    public Uni<Integer> reconcile() {
        return store.approvingSince(Clocks.now().minus(config.staleAfter()), config.batchSize())
                .onItem().transformToMulti(requests -> Multi.createFrom().iterable(requests))
                .onItem().transformToUniAndConcatenate(request -> finish(request).replaceWith(1)
                        .onFailure(ApprovalReconciliation::isFinalRefusal).recoverWithItem(1)
                        .onFailure().invoke(failure -> LOG.debugf("Request %s is still approving: %s", request.id,
                                failure.getMessage()))
                        .onFailure().recoverWithItem(0))
                .collect().with(Collectors.summingInt(Integer::intValue))
                .invoke(settled -> {
                    if (settled > 0) {
                        LOG.infof("Reconciliation settled %d approvals", settled);
                    }
                })
                .onFailure().invoke(failure -> LOG.warn("Reconciling approvals failed; the next run tries again",
                        failure))
                .onFailure().recoverWithItem(0);
    }

    /** company-service answered, and the answer will be the same next time. */
    static boolean isFinalRefusal(Throwable failure) {
        return failure instanceof ApiException known && known.problem().status() < 500;
    }

    private static ApiException unfinished() {
        return new ApiException(Problem.of(503, "approval_unfinished", "Service Unavailable",
                "The approval was started and will be finished shortly. Try again to see it finished."), RETRY_AFTER);
    }
}
