package dev.gatehouse.approval.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code staff_approval_requests}, each one round trip. Reads run on the pool; writes take the
 * connection of the caller's transaction ({@code RequestStore} opens it).
 */
@ApplicationScoped
public class ApprovalRequestRepository {

    private static final String COLUMNS = "id, company_id, user_id, requested_role, granted_role, status, message,"
            + " requester_email, requester_phone, reviewer_id, reviewed_at, reason, expires_at, created_at, updated_at";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private final Database database;

    public ApprovalRequestRepository(Database database) {
        this.database = database;
    }

    /** One page of a company's requests and how many there are in all. */
    public record RequestPage(List<StaffApprovalRequest> items, long totalItems) {
    }

    public Uni<StaffApprovalRequest> findById(UUID id) {
        return database.first("SELECT " + COLUMNS + " FROM staff_approval_requests WHERE id = $1", Tuple.of(id),
                StaffApprovalRequest::from);
    }

    /** Reads the request for update: concurrent decisions on it wait for each other (SELECT ... FOR NO KEY UPDATE). */
    public Uni<StaffApprovalRequest> lock(Transaction transaction, UUID id) {
        return transaction
                .first("SELECT " + COLUMNS + " FROM staff_approval_requests WHERE id = $1 FOR NO KEY UPDATE", Tuple.of(id),
                        StaffApprovalRequest::from);
    }

    public Uni<List<StaffApprovalRequest>> listByUser(UUID userId) {
        return database.all("SELECT " + COLUMNS + " FROM staff_approval_requests WHERE user_id = $1"
                + NEWEST_FIRST, Tuple.of(userId), StaffApprovalRequest::from);
    }

    /**
     * A company's requests, newest first, optionally of one status as readers see it: an overdue PENDING row counts
     * as EXPIRED even before the expiry job has rewritten it. One statement returns the page and the total; only a
     * page past the end asks for the total again.
     */
    public Uni<RequestPage> pageOfCompany(String companyId, ApprovalStatus status, OffsetDateTime now, int page,
            int size) {
        List<Object> parameters = new ArrayList<>(List.of(companyId));
        String where = " FROM staff_approval_requests WHERE company_id = $1";
        if (status == ApprovalStatus.PENDING) {
            where += " AND status = 'PENDING' AND expires_at > $2";
            parameters.add(now);
        } else if (status == ApprovalStatus.EXPIRED) {
            where += " AND (status = 'EXPIRED' OR (status = 'PENDING' AND expires_at <= $2))";
            parameters.add(now);
        } else if (status != null) {
            where += " AND status = $2";
            parameters.add(status.name());
        }
        String countWhere = where;
        List<Object> countParameters = List.copyOf(parameters);
        parameters.add((long) size);
        parameters.add((long) page * size);
        String query = "SELECT " + COLUMNS + ", count(*) OVER () AS total_items" + where + NEWEST_FIRST
                + " LIMIT $" + (parameters.size() - 1) + " OFFSET $" + parameters.size();
        return database.all(query, Tuple.from(parameters), row -> row).chain(rows -> {
            List<StaffApprovalRequest> items = rows.stream().map(StaffApprovalRequest::from).toList();
            if (!rows.isEmpty()) {
                return Uni.createFrom().item(new RequestPage(items, rows.get(0).getLong("total_items")));
            }
            if (page == 0) {
                return Uni.createFrom().item(new RequestPage(items, 0));
            }
            return database.first("SELECT count(*)" + countWhere, Tuple.from(countParameters), row -> row.getLong(0))
                    .map(total -> new RequestPage(items, total));
        });
    }

    /** Stores a new request as it is; fails with a unique violation when a second one would be pending. */
    public Uni<StaffApprovalRequest> insert(Transaction transaction, StaffApprovalRequest request) {
        return transaction.first("INSERT INTO staff_approval_requests (" + COLUMNS + ") VALUES ($1, $2, $3, $4,"
                + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(request.id, request.companyId, request.userId,
                        name(request.requestedRole), name(request.grantedRole), request.status.name(), request.message,
                        request.requesterEmail, request.requesterPhone, request.reviewerId, request.reviewedAt,
                        request.reason, request.expiresAt, request.createdAt, request.updatedAt)),
                StaffApprovalRequest::from);
    }

    /**
     * Writes what a decision changes (status, granted role, reviewer, reason) back to a request read with
     * {@link #lock}; the rest of a request never changes.
     */
    public Uni<StaffApprovalRequest> saveDecision(Transaction transaction, StaffApprovalRequest request) {
        return transaction.first("UPDATE staff_approval_requests SET status = $2, granted_role = $3,"
                + " reviewer_id = $4, reviewed_at = $5, reason = $6, updated_at = $7 WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(request.id, request.status.name(), name(request.grantedRole),
                        request.reviewerId, request.reviewedAt, request.reason, request.updatedAt)),
                StaffApprovalRequest::from);
    }

    /** Marks every overdue pending request EXPIRED in one statement; returns how many. */
    public Uni<Integer> expireOverdue(Sql sql, OffsetDateTime now) {
        return sql.execute("UPDATE staff_approval_requests SET status = 'EXPIRED', updated_at = $1"
                + " WHERE status = 'PENDING' AND expires_at <= $1", Tuple.of(now)).map(RowSet::rowCount);
    }

    /** The same for one person and company, so an overdue request does not block a new one. */
    public Uni<Integer> expireOverdue(Transaction transaction, String companyId, UUID userId, OffsetDateTime now) {
        return transaction.execute("UPDATE staff_approval_requests SET status = 'EXPIRED', updated_at = $1"
                + " WHERE company_id = $2 AND user_id = $3 AND status = 'PENDING' AND expires_at <= $1",
                Tuple.of(now, companyId, userId)).map(RowSet::rowCount);
    }

    /** Requests in APPROVING last touched before {@code cutoff}, oldest first. */
    public Uni<List<StaffApprovalRequest>> approvingSince(OffsetDateTime cutoff, int limit) {
        return database.all("SELECT " + COLUMNS + " FROM staff_approval_requests"
                + " WHERE status = 'APPROVING' AND updated_at < $1 ORDER BY updated_at LIMIT $2",
                Tuple.of(cutoff, (long) limit), StaffApprovalRequest::from);
    }

    public Uni<Long> deleteByUser(Transaction transaction, UUID userId) {
        return transaction.execute("DELETE FROM staff_approval_requests WHERE user_id = $1", Tuple.of(userId))
                .map(rows -> (long) rows.rowCount());
    }

    private static String name(CompanyRole role) {
        return role == null ? null : role.name();
    }
}
