package dev.gatehouse.approval.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
import dev.gatehouse.approval.repository.ApprovalRequestRepository.RequestPage;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/** The reviewer's side of join requests: an owner or admin of the company lists, approves and rejects them. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ApprovalRequestRepository requests;
    private final ApprovalService approvals;
    private final RequestStore store;
    private final RequestAccess access;
    private final ApprovalReconciliation saga;

    public ReviewService(ApprovalRequestRepository requests, ApprovalService approvals, RequestStore store,
            RequestAccess access, ApprovalReconciliation saga) {
        this.requests = requests;
        this.approvals = approvals;
        this.store = store;
        this.access = access;
        this.saga = saga;
    }

    /** A page of the company's requests, newest first; {@code status} null means every status. */
    public Uni<RequestPage> list(String companyId, ApprovalStatus status, int page, int size, UUID caller) {
        return access.requireReviewerOf(companyId, caller)
                .chain(() -> requests.pageOfCompany(companyId, status, Clocks.now(), page, size));
    }

    /**
     * Approves a pending request with {@code role}, or the requested role when null, as a saga of three steps, none
     * of which holds a lock or a connection while another service is asked: the decision is committed as APPROVING
     * (a concurrent reject or cancel then finds it decided), company-service adds the member (idempotent), and the
     * request becomes APPROVED. When the answer is lost the request stays APPROVING and the caller gets a 503;
     * approving again, or {@link ApprovalReconciliation}, finishes it.
     */
    public Uni<StaffApprovalRequest> approve(UUID id, CompanyRole role, UUID reviewer) {
        if (role != null && !role.grantable()) {
            throw ApiException.invalidField("role", "must be ADMIN or STAFF");
        }
        return approvals.load(id).call(request -> access.requireReviewer(request, reviewer))
                .chain(ignored -> store.beginApproval(id, reviewer, role))
                .map(RequestStore.Decision::orRefuse)
                .chain(saga::finish)
                .invoke(request -> LOG.infof("%s approved request %s: %s joins %s as %s", reviewer, id,
                        request.userId, request.companyId, request.grantedRole));
    }

    /** Rejects a pending request, saying why. */
    public Uni<StaffApprovalRequest> reject(UUID id, String reason, UUID reviewer) {
        return approvals.load(id).call(request -> access.requireReviewer(request, reviewer))
                .chain(ignored -> store.decide(id, pending -> pending.reject(reviewer, reason, Clocks.now())))
                .map(RequestStore.Decision::orRefuse)
                .invoke(request -> LOG.infof("%s rejected request %s", reviewer, id));
    }
}
