package dev.gatehouse.approval.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.client.CompanyDirectory;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
import dev.gatehouse.approval.repository.ApprovalRequestRepository.RequestPage;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/** The reviewer's side of join requests: an owner or admin of the company lists, approves and rejects them. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final CompanyDirectory companies;
    private final ApprovalRequestRepository requests;
    private final ApprovalService approvals;
    private final RequestStore store;
    private final RequestAccess access;

    public ReviewService(CompanyDirectory companies, ApprovalRequestRepository requests, ApprovalService approvals,
            RequestStore store, RequestAccess access) {
        this.companies = companies;
        this.requests = requests;
        this.approvals = approvals;
        this.store = store;
        this.access = access;
    }

    /** A page of the company's requests, newest first; {@code status} null means every status. */
    public Uni<RequestPage> list(String companyId, ApprovalStatus status, int page, int size, UUID caller) {
        return access.requireReviewerOf(companyId, caller)
                .chain(() -> requests.pageOfCompany(companyId, status, Clocks.now(), page, size));
    }

    /**
     * Approves a pending request with {@code role}, or the requested role when null. The member is added in
     * company-service while the request's row is locked, so a concurrent reject or cancel waits and then finds it
     * decided; if company-service fails, nothing is written and the request stays pending.
     */
    public Uni<StaffApprovalRequest> approve(UUID id, CompanyRole role, UUID reviewer) {
        if (role != null && !role.grantable()) {
            throw ApiException.invalidField("role", "must be ADMIN or STAFF");
        }
        return approvals.load(id).call(request -> access.requireReviewer(request, reviewer))
                .chain(ignored -> store.decide(id, pending -> {
                    CompanyRole granted = role != null ? role : pending.requestedRole;
                    return companies.addMember(pending.companyId, pending.userId, granted)
                            .invoke(() -> pending.approve(reviewer, granted, Clocks.now()));
                }))
                .map(RequestStore.Decision::orRefuse)
                .invoke(request -> LOG.infof("%s approved request %s: %s joins %s as %s", reviewer, id,
                        request.userId, request.companyId, request.grantedRole));
    }

    /** Rejects a pending request, saying why. */
    public Uni<StaffApprovalRequest> reject(UUID id, String reason, UUID reviewer) {
        return approvals.load(id).call(request -> access.requireReviewer(request, reviewer))
                .chain(ignored -> store.decide(id, pending -> {
                    pending.reject(reviewer, reason, Clocks.now());
                    return Uni.createFrom().voidItem();
                }))
                .map(RequestStore.Decision::orRefuse)
                .invoke(request -> LOG.infof("%s rejected request %s", reviewer, id));
    }
}
