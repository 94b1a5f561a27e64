package dev.gatehouse.company.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code company_members}, each one round trip; writes take the caller's transaction. */
@ApplicationScoped
public class MemberRepository {

    private static final String COLUMNS = "company_id, user_id, role, joined_at, updated_at";

    public Uni<CompanyMember> find(Sql sql, UUID companyId, UUID userId) {
        return sql
                .first("SELECT " + COLUMNS + " FROM company_members WHERE company_id = $1 AND user_id = $2",
                        Tuple.of(companyId, userId), CompanyMember::from);
    }

    public Uni<List<CompanyMember>> listOf(Sql sql, UUID companyId) {
        return sql.all("SELECT " + COLUMNS + " FROM company_members WHERE company_id = $1"
                + " ORDER BY joined_at, user_id", Tuple.of(companyId), CompanyMember::from);
    }

    public Uni<List<CompanyMember>> listByUser(Sql sql, UUID userId) {
        return sql
                .all("SELECT " + COLUMNS + " FROM company_members WHERE user_id = $1 ORDER BY joined_at", Tuple.of(userId),
                        CompanyMember::from);
    }

    public Uni<Long> countWithRole(Sql sql, UUID companyId, CompanyRole role) {
        return sql.first("SELECT count(*) FROM company_members WHERE company_id = $1 AND role = $2",
                Tuple.of(companyId, role.name()), row -> row.getLong(0));
    }

    /** Stores a new membership; fails with a unique violation on {@code company_members_pkey} for a second one. */
    public Uni<CompanyMember> insert(Transaction transaction, CompanyMember member) {
        return transaction.first("INSERT INTO company_members (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5)"
                + " RETURNING " + COLUMNS,
                Tuple.of(member.companyId, member.userId, member.role.name(), member.joinedAt,
                        member.updatedAt),
                CompanyMember::from);
    }

    /** Writes the member's role back; the database sets {@code updated_at}. */
    public Uni<CompanyMember> saveRole(Transaction transaction, CompanyMember member) {
        return transaction.first("UPDATE company_members SET role = $3 WHERE company_id = $1 AND user_id = $2"
                + " RETURNING " + COLUMNS, Tuple.of(member.companyId, member.userId, member.role.name()), CompanyMember::from);
    }

    public Uni<Void> remove(Transaction transaction, CompanyMember member) {
        return transaction.execute("DELETE FROM company_members WHERE company_id = $1 AND user_id = $2",
                Tuple.of(member.companyId, member.userId)).replaceWithVoid();
    }

    public Uni<Long> removeUserEverywhere(Transaction transaction, UUID userId) {
        return transaction.execute("DELETE FROM company_members WHERE user_id = $1", Tuple.of(userId))
                .map(rows -> (long) rows.rowCount());
    }
}
