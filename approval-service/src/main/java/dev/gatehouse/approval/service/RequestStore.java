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
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.DeletedUsers;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Every write to staff_approval_requests, each in its own transaction. The services around it check permissions
 * (which means asking company-service) before a transaction opens, so no row is locked while they wait.
 * <p>
 * A transaction is the pool's: it commits when its work succeeds and rolls back when it fails. Once begun it runs to
 * its end even if the caller stops waiting, and its connection then goes back to the pool.
 */
@ApplicationScoped
public class RequestStore {

    private final Database database;
    private final ApprovalRequestRepository requests;

    public RequestStore(Database database, ApprovalRequestRepository requests) {
        this.database = database;
        this.requests = requests;
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
    public Uni<StaffApprovalRequest> insert(StaffApprovalRequest request) {
        return database.inTransaction(tx -> DeletedUsers.lockShared(tx, request.userId)
                .chain(() -> DeletedUsers.isDeleted(tx, request.userId))
                .invoke(deleted -> {
                    if (deleted) {
                        throw ApiException.unauthorized("account_deleted", "This account has been deleted.");
                    }
                })
                .chain(() -> requests.expireOverdue(tx, request.companyId, request.userId, request.createdAt))
                .chain(() -> requests.insert(tx, request)));
    }

    /**
     * Takes a pending request out of PENDING under a row lock, so two decisions on one request (approve against
     * reject, approve against cancel) run one after the other and the second finds it decided. {@code change} must
     * not call other services: the row lock and a pooled connection are held while it runs. An overdue request is
     * marked EXPIRED instead, and that is committed even though the change is refused.
     */
    public Uni<Decision> decide(UUID id, Consumer<StaffApprovalRequest> change) {
        return database.inTransaction(tx -> requests.lock(tx, id).chain(request -> {
            if (request == null) {
                return Uni.createFrom().failure(RequestAccess.notFound());
            }
            return decideLocked(tx, request, change);
        }));
    }

    private Uni<Decision> decideLocked(Transaction tx, StaffApprovalRequest request,
            Consumer<StaffApprovalRequest> change) {
        OffsetDateTime now = Clocks.now();
        if (request.isOverdue(now)) {
            request.expire(now);
            return requests.saveDecision(tx, request).map(expired -> new Decision(expired, false));
        }
        if (request.status != ApprovalStatus.PENDING) {
            return Uni.createFrom().item(new Decision(request, false));
        }
        change.accept(request);
        return requests.saveDecision(tx, request).map(changed -> new Decision(changed, true));
    }

    /**
     * The first step of approving: stores the decision as APPROVING and commits, so company-service is asked with no
     * transaction open. A request already APPROVING is handed back as it is (with the role decided first), so
     * approving again resumes an approval that was cut short.
     */
    public Uni<Decision> beginApproval(UUID id, UUID reviewer, CompanyRole role) {
        return database.inTransaction(tx -> requests.lock(tx, id).chain(request -> {
            if (request == null) {
                return Uni.createFrom().failure(RequestAccess.notFound());
            }
            if (request.status == ApprovalStatus.APPROVING) {
                return Uni.createFrom().item(new Decision(request, true));
            }
            return decideLocked(tx, request, pending -> pending.beginApproval(reviewer,
                    role != null ? role : pending.requestedRole, Clocks.now()));
        }));
    }

    /** The last step of approving, once company-service has the member. A no-op unless the request is APPROVING. */
    public Uni<StaffApprovalRequest> completeApproval(UUID id) {
        return changeIfApproving(id, request -> request.completeApproval(Clocks.now()));
    }

    /** company-service refused the member for good: the request is PENDING again. A no-op unless APPROVING. */
    public Uni<StaffApprovalRequest> abandonApproval(UUID id) {
        return changeIfApproving(id, request -> request.abandonApproval(Clocks.now()));
    }

    /** The request as it now is (null if there is none), after {@code change} if it was APPROVING. */
    private Uni<StaffApprovalRequest> changeIfApproving(UUID id, Consumer<StaffApprovalRequest> change) {
        return database.inTransaction(tx -> requests.lock(tx, id).chain(request -> {
            if (request == null || request.status != ApprovalStatus.APPROVING) {
                return Uni.createFrom().item(request);
            }
            change.accept(request);
            return requests.saveDecision(tx, request);
        }));
    }

    /** Approvals left in APPROVING since before {@code cutoff}: cut short by a timeout or a crash. */
    public Uni<List<StaffApprovalRequest>> approvingSince(OffsetDateTime cutoff, int limit) {
        return requests.approvingSince(cutoff, limit);
    }

    /** Marks every overdue pending request EXPIRED in one UPDATE. */
    public Uni<Integer> expireOverdue() {
        return requests.expireOverdue(database, Clocks.now());
    }

    /**
     * Forgets a deleted account: records it as deleted (so its still-valid tokens cannot ask again) and removes its
     * requests, whatever their status. Idempotent. The person's lock (exclusive) waits for a request being made at
     * the same moment, which is then removed too.
     */
    public Uni<Long> forgetDeletedUser(UUID userId) {
        return database.inTransaction(tx -> DeletedUsers.lockExclusive(tx, userId)
                .chain(() -> DeletedUsers.record(tx, userId, Clocks.now()))
                .chain(() -> requests.deleteByUser(tx, userId)));
    }
}
