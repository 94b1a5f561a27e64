package dev.gatehouse.approval.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
import dev.gatehouse.common.db.DeletedUsers;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Every write to staff_approval_requests, each in its own transaction. The services around it check permissions
 * (which means asking company-service) before a transaction opens, so no row is locked while they wait.
 */
@ApplicationScoped
public class RequestStore {

    private final ApprovalRequestRepository requests;
    private final DeletedUsers deletedUsers;

    public RequestStore(ApprovalRequestRepository requests, DeletedUsers deletedUsers) {
        this.requests = requests;
        this.deletedUsers = deletedUsers;
    }

    /**
     * The outcome of {@link #decide}: either the change was made, or the request was no longer pending (perhaps
     * because it has just been marked expired, which is kept).
     */
    public record Decision(StaffApprovalRequest request, boolean applied) {

        /** The changed request, or the 409 that says why it could not be changed. */
        public StaffApprovalRequest orRefuse() {
            if (applied) {
                return request;
            }
            if (request.status == ApprovalStatus.EXPIRED) {
                throw ApiException.conflict("request_expired", "This request expired before anyone decided.");
            }
            if (request.status == ApprovalStatus.APPROVING) {
                throw ApiException.conflict("approval_in_progress",
                        "This request is being approved; its member is being added to the company.");
            }
            throw ApiException.conflict("request_not_pending",
                    "This request is already " + request.status.name().toLowerCase() + ".");
        }
    }

    /**
     * Stores a new pending request. An overdue pending request of the same person and company is expired first, so
     * it does not count against the one-pending-request rule; a current one does, and the insert fails on the
     * partial unique index. A deleted account (its token may still be valid for a few minutes) is refused under the
     * person's lock, so a request cannot slip in behind the deletion.
     */
    @WithTransaction
    public Uni<StaffApprovalRequest> insert(StaffApprovalRequest request) {
        return deletedUsers.lockShared(request.userId).chain(() -> deletedUsers.isDeleted(request.userId))
                .invoke(deleted -> {
                    if (deleted) {
                        throw ApiException.unauthorized("account_deleted", "This account has been deleted.");
                    }
                })
                .chain(() -> requests.expireOverdue(request.companyId, request.userId, request.createdAt))
                .chain(() -> requests.persistAndFlush(request));
    }

    /**
     * Takes a pending request out of PENDING under a row lock, so two decisions on one request (approve against
     * reject, approve against cancel) run one after the other and the second finds it decided. {@code change} must
     * not call other services: the row lock and a pooled connection are held while it runs. An overdue request is
     * marked EXPIRED instead, and that is committed even though the change is refused.
     */
    @WithTransaction
    public Uni<Decision> decide(UUID id, Consumer<StaffApprovalRequest> change) {
        return requests.lock(id).chain(request -> {
            if (request == null) {
                return Uni.createFrom().failure(RequestAccess.notFound());
            }
            return decideLocked(request, change);
        });
    }

    private static Uni<Decision> decideLocked(StaffApprovalRequest request, Consumer<StaffApprovalRequest> change) {
        OffsetDateTime now = Clocks.now();
        if (request.isOverdue(now)) {
            request.expire(now);
            return Uni.createFrom().item(new Decision(request, false));
        }
        if (request.status != ApprovalStatus.PENDING) {
            return Uni.createFrom().item(new Decision(request, false));
        }
        change.accept(request);
        return Uni.createFrom().item(new Decision(request, true));
    }

    /**
     * The first step of approving: stores the decision as APPROVING and commits, so company-service is asked with no
     * transaction open. A request already APPROVING is handed back as it is (with the role decided first), so
     * approving again resumes an approval that was cut short.
     */
    @WithTransaction
    public Uni<Decision> beginApproval(UUID id, UUID reviewer, CompanyRole role) {
        return requests.lock(id).chain(request -> {
            if (request == null) {
                return Uni.createFrom().failure(RequestAccess.notFound());
            }
            if (request.status == ApprovalStatus.APPROVING) {
                return Uni.createFrom().item(new Decision(request, true));
            }
            return decideLocked(request, pending -> pending.beginApproval(reviewer,
                    role != null ? role : pending.requestedRole, Clocks.now()));
        });
    }

    /** The last step of approving, once company-service has the member. A no-op unless the request is APPROVING. */
    @WithTransaction
    public Uni<StaffApprovalRequest> completeApproval(UUID id) {
        return requests.lock(id).invoke(request -> {
            if (request != null && request.status == ApprovalStatus.APPROVING) {
                request.completeApproval(Clocks.now());
            }
        });
    }

    /** company-service refused the member for good: the request is PENDING again. A no-op unless APPROVING. */
    @WithTransaction
    public Uni<StaffApprovalRequest> abandonApproval(UUID id) {
        return requests.lock(id).invoke(request -> {
            if (request != null && request.status == ApprovalStatus.APPROVING) {
                request.abandonApproval(Clocks.now());
            }
        });
    }

    /** Approvals left in APPROVING since before {@code cutoff}: cut short by a timeout or a crash. */
    @WithTransaction
    public Uni<List<StaffApprovalRequest>> approvingSince(OffsetDateTime cutoff, int limit) {
        return requests.approvingSince(cutoff, limit);
    }

    /** Marks every overdue pending request EXPIRED in one UPDATE. */
    @WithTransaction
    public Uni<Integer> expireOverdue() {
        return requests.expireOverdue(Clocks.now());
    }

    /**
     * Forgets a deleted account: records it as deleted (so its still-valid tokens cannot ask again) and removes its
     * requests, whatever their status. Idempotent. The person's lock (exclusive) waits for a request being made at
     * the same moment, which is then removed too.
     */
    @WithTransaction
    public Uni<Long> forgetDeletedUser(UUID userId) {
        return deletedUsers.lockExclusive(userId)
                .chain(() -> deletedUsers.record(userId, Clocks.now()))
                .chain(() -> requests.deleteByUser(userId));
    }
}
