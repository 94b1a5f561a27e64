package dev.gatehouse.approval.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.StaffApprovalRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class ApprovalRequestRepository implements PanacheRepositoryBase<StaffApprovalRequest, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** One page of a company's requests and how many there are in all. */
    public record RequestPage(List<StaffApprovalRequest> items, long totalItems) {
    }

    /** Reads the request for update: concurrent decisions on it wait for each other (SELECT ... FOR UPDATE). */
    public Uni<StaffApprovalRequest> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<StaffApprovalRequest>> listByUser(UUID userId) {
        return list("userId", NEWEST_FIRST, userId);
    }

    /**
     * A company's requests, newest first, optionally of one status as readers see it: an overdue PENDING row counts
     * as EXPIRED even before the expiry job has rewritten it.
     */
    public Uni<RequestPage> pageOfCompany(String companyId, ApprovalStatus status, OffsetDateTime now, int page,
            int size) {
        Parameters parameters = Parameters.with("companyId", companyId);
        String query = "companyId = :companyId";
        if (status == ApprovalStatus.PENDING) {
            query += " and status = :pending and expiresAt > :now";
            parameters.and("pending", ApprovalStatus.PENDING).and("now", now);
        } else if (status == ApprovalStatus.EXPIRED) {
            query += " and (status = :expired or (status = :pending and expiresAt <= :now))";
            parameters.and("expired", ApprovalStatus.EXPIRED).and("pending", ApprovalStatus.PENDING).and("now", now);
        } else if (status != null) {
            query += " and status = :status";
            parameters.and("status", status);
        }
        var found = find(query, NEWEST_FIRST, parameters).page(Page.of(page, size));
        // One after the other: a reactive session runs one statement at a time.
        return found.list().chain(items -> found.count().map(total -> new RequestPage(items, total)));
    }

    /** Marks every overdue pending request EXPIRED in one statement; returns how many. */
    public Uni<Integer> expireOverdue(OffsetDateTime now) {
        return update("status = :expired, updatedAt = :now where status = :pending and expiresAt <= :now",
                Parameters.with("expired", ApprovalStatus.EXPIRED).and("pending", ApprovalStatus.PENDING)
                        .and("now", now));
    }

    /** The same for one person and company, so an overdue request does not block a new one. */
    public Uni<Integer> expireOverdue(String companyId, UUID userId, OffsetDateTime now) {
        return update("status = :expired, updatedAt = :now where companyId = :companyId and userId = :userId"
                + " and status = :pending and expiresAt <= :now",
                Parameters.with("expired", ApprovalStatus.EXPIRED).and("pending", ApprovalStatus.PENDING)
                        .and("now", now).and("companyId", companyId).and("userId", userId));
    }

    /** Requests in APPROVING last touched before {@code cutoff}, oldest first. */
    public Uni<List<StaffApprovalRequest>> approvingSince(OffsetDateTime cutoff, int limit) {
        return find("status = ?1 and updatedAt < ?2", Sort.ascending("updatedAt"), ApprovalStatus.APPROVING, cutoff)
                .page(Page.ofSize(limit)).list();
    }

    public Uni<Long> deleteByUser(UUID userId) {
        return delete("userId", userId);
    }
}
