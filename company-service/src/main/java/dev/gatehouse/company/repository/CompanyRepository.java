package dev.gatehouse.company.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code companies}, each one round trip. A read takes the pool or a transaction's connection; a
 * write or a lock takes the connection of the caller's transaction.
 */
@ApplicationScoped
public class CompanyRepository {

    static final String COLUMNS = "id, company_id, name, country_code, phone_number, status, status_reason,"
            + " status_changed_at, phone_verified_at, pending_verification_id, created_by, created_at, updated_at";

    /** A company of a person, with the person's role in it. */
    public record Membership(Company company, CompanyRole role) {
    }

    public Uni<Company> findById(Sql sql, UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM companies WHERE id = $1", Tuple.of(id), Company::from);
    }

    public Uni<Company> findByCompanyId(Sql sql, String companyId) {
        return sql.first("SELECT " + COLUMNS + " FROM companies WHERE company_id = $1", Tuple.of(companyId), Company::from);
    }

    /** Reads a company for update by its public id; null when there is none. */
    public Uni<Company> lockByCompanyId(Transaction transaction, String companyId) {
        return transaction
                .first("SELECT " + COLUMNS + " FROM companies WHERE company_id = $1 FOR NO KEY UPDATE", Tuple.of(companyId),
                        Company::from);
    }

    /** Reads a company for update by its internal id; null when there is none. */
    public Uni<Company> lock(Transaction transaction, UUID id) {
        return transaction.first("SELECT " + COLUMNS + " FROM companies WHERE id = $1 FOR NO KEY UPDATE", Tuple.of(id),
                Company::from);
    }

    /**
     * Locks several companies for update in one statement, in id order, so two transactions locking overlapping sets
     * wait for each other instead of deadlocking.
     */
    public Uni<Void> lockAll(Transaction transaction, Collection<UUID> ids) {
        return transaction.execute("SELECT id FROM companies WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE",
                Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** The person's companies, each with the person's role, oldest membership first: one query. */
    public Uni<List<Membership>> ofMember(Sql sql, UUID userId) {
        return sql.all("SELECT c.id, c.company_id, c.name, c.country_code, c.phone_number, c.status,"
                + " c.status_reason, c.status_changed_at, c.phone_verified_at, c.pending_verification_id, c.created_by,"
                + " c.created_at, c.updated_at, m.role AS member_role"
                + " FROM company_members m JOIN companies c ON c.id = m.company_id"
                + " WHERE m.user_id = $1 ORDER BY m.joined_at, c.id", Tuple.of(userId),
                row -> new Membership(Company.from(row), CompanyRole.valueOf(row.getString("member_role"))));
    }

    /** Stores a new company; fails with a unique violation on {@code companies_company_id_key} for a taken id. */
    public Uni<Company> insert(Transaction transaction, Company company) {
        return transaction.first("INSERT INTO companies (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7,"
                + " $8, $9, $10, $11, $12, $13) RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(company.id, company.companyId, company.name, company.countryCode,
                        company.phoneNumber, company.status.name(), company.statusReason, company.statusChangedAt,
                        company.phoneVerifiedAt, company.pendingVerificationId, company.createdBy, company.createdAt,
                        company.updatedAt)),
                Company::from);
    }

    /**
     * Writes back what changes over a company's life (its status, the reason and time of the last change, its
     * phone's verification) to a company read with {@link #lock} or {@link #lockByCompanyId}; the database sets
     * {@code updated_at}.
     */
    public Uni<Company> saveState(Transaction transaction, Company company) {
        return transaction.first("UPDATE companies SET status = $2, status_reason = $3, status_changed_at = $4,"
                + " phone_verified_at = $5, pending_verification_id = $6 WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(company.id, company.status.name(), company.statusReason,
                        company.statusChangedAt, company.phoneVerifiedAt, company.pendingVerificationId)),
                Company::from);
    }

    /** Remembers the code otp-service sent to the company's phone, replacing any earlier one. */
    public Uni<Void> startVerification(Sql sql, UUID id, UUID otpId) {
        return sql.execute("UPDATE companies SET pending_verification_id = $2 WHERE id = $1", Tuple.of(id, otpId))
                .replaceWithVoid();
    }
}
