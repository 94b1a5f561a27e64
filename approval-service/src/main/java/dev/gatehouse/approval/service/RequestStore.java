package dev.gatehouse.approval.service;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
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

    public RequestStore(ApprovalRequestRepository requests) {
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
            throw ApiException.conflict("request_not_pending",
                    "This request is already " + request.status.name().toLowerCase() + ".");
        }
    }

    /**
     * Stores a new pending request. An overdue pending request of the same person and company is expired first, so
     * it does not count against the one-pending-request rule; a current one does, and the insert fails on the
     * partial unique index.
     */
    @WithTransaction
    public Uni<StaffApprovalRequest> insert(StaffApprovalRequest request) {
        return requests.expireOverdue(request.companyId, request.userId, request.createdAt)
                .chain(() -> requests.persistAndFlush(request));
    }

    /**
     * Takes a pending request out of PENDING under a row lock, so two decisions on one request (approve against
     * reject, approve against cancel) run one after the other and the second finds it decided. {@code change} may
     * call other services while the lock is held. An overdue request is marked EXPIRED instead, and that is
     * committed even though the change is refused.
     */
    @WithTransaction
    public Uni<Decision> decide(UUID id, Function<StaffApprovalRequest, Uni<Void>> change) {
        return requests.lock(id).chain(request -> {
            if (request == null) {
                return Uni.createFrom().failure(RequestAccess.notFound());
            }
            OffsetDateTime now = Clocks.now();
            if (request.isOverdue(now)) {
                request.expire(now);
                return Uni.createFrom().item(new Decision(request, false));
            }
            if (request.status != ApprovalStatus.PENDING) {
                return Uni.createFrom().item(new Decision(request, false));
            }
            return change.apply(request).replaceWith(new Decision(request, true));
        });
    }

    /** Marks every overdue pending request EXPIRED in one UPDATE. */
    @WithTransaction
    public Uni<Integer> expireOverdue() {
        return requests.expireOverdue(Clocks.now());
    }

    /** A deleted account's requests, whatever their status. */
    @WithTransaction
    public Uni<Long> removeUser(UUID userId) {
        return requests.deleteByUser(userId);
    }
}
