package dev.gatehouse.approval.service.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.ImportSourceIds;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Brings staff approval requests over from another system, one source row at a time, as they were (decided ones
 * with their reviewer and reason).
 * <p>
 * Idempotent by the source row ({@code import_source_ids}). Conflict rule: a second pending request of one person
 * for one company is refused ({@code request_pending}), as it is for a person asking; a row that breaks the table's
 * rules (an approval without reviewer, a rejection without reason) is refused ({@code inconsistent_request}).
 */
@ApplicationScoped
public class ApprovalRequestImportService {

    private static final String CHECK_VIOLATION = "23514";

    private final Database database;
    private final ApprovalRequestRepository requests;

    public ApprovalRequestImportService(Database database, ApprovalRequestRepository requests) {
        this.database = database;
        this.requests = requests;
    }

    public Uni<ImportOutcome> importRequest(ApprovalRequestImport row) {
        return database.inTransaction(tx -> insert(tx, row)).onFailure().recoverWithUni(failure -> {
            if (UniqueViolation.is(failure)) {
                // the same row imported at the same moment collides on the mapping or the one-pending index
                return ImportSourceIds.find(database, row.sourceSystem(), row.sourceTable(), row.sourceId())
                        .map(existing -> {
                            if (existing != null) {
                                return new ImportOutcome(existing, false);
                            }
                            if (UniqueViolation.constraintOf(failure).orElse("")
                                    .equals("staff_approval_requests_one_pending")) {
                                throw ApiException.conflict("request_pending", "This person already has a pending "
                                        + "request for this company; it is left as it is.");
                            }
                            throw new IllegalStateException(failure);
                        });
            }
            if (isCheckViolation(failure)) {
                return Uni.createFrom().failure(ApiException.badRequest("inconsistent_request",
                        "The request's status, reviewer, granted role and reason do not agree."));
            }
            return Uni.createFrom().failure(failure);
        });
    }

    private Uni<ImportOutcome> insert(Transaction tx, ApprovalRequestImport row) {
        return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new ImportOutcome(existing, false));
            }
            OffsetDateTime now = OffsetDateTime.now();
            StaffApprovalRequest request = new StaffApprovalRequest();
            request.id = UUID.randomUUID();
            request.companyId = row.companyId();
            request.userId = row.userId();
            request.requestedRole = row.requestedRole();
            request.grantedRole = row.grantedRole();
            request.status = row.status();
            request.message = row.message();
            request.reviewerId = row.reviewerId();
            request.reviewedAt = row.reviewedAt();
            request.reason = row.reason();
            request.createdAt = row.createdAt() != null ? row.createdAt() : now;
            request.expiresAt = row.expiresAt();
            request.updatedAt = now;
            return requests.insert(tx, request)
                    .call(() -> ImportSourceIds.record(tx, row.sourceSystem(), row.sourceTable(), row.sourceId(),
                            request.id))
                    .map(ignored -> new ImportOutcome(request.id, true));
        });
    }

    /** PostgreSQL's check_violation, wherever it sits in the cause chain. */
    private static boolean isCheckViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && CHECK_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
