package dev.gatehouse.company.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code company_members}, each one round trip; writes take the caller's transaction. */
@ApplicationScoped
public class MemberRepository {

    private static final String COLUMNS = "company_id, user_id, role, joined_at, updated_at";

    public Uni<CompanyMember> find(SqlClient client, UUID companyId, UUID userId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM company_members WHERE company_id = $1 AND user_id = $2")
                .execute(Tuple.of(companyId, userId))
                .map(rows -> rows.size() == 0 ? null : CompanyMember.from(rows.iterator().next()));
    }

    public Uni<List<CompanyMember>> listOf(SqlClient client, UUID companyId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM company_members WHERE company_id = $1"
                + " ORDER BY joined_at, user_id").execute(Tuple.of(companyId)).map(MemberRepository::all);
    }

    public Uni<List<CompanyMember>> listByUser(SqlClient client, UUID userId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM company_members WHERE user_id = $1 ORDER BY joined_at")
                .execute(Tuple.of(userId)).map(MemberRepository::all);
    }

    public Uni<Long> countWithRole(SqlClient client, UUID companyId, CompanyRole role) {
        return client.preparedQuery("SELECT count(*) FROM company_members WHERE company_id = $1 AND role = $2")
                .execute(Tuple.of(companyId, role.name())).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Stores a new membership; fails with a unique violation on {@code company_members_pkey} for a second one. */
    public Uni<CompanyMember> insert(SqlConnection transaction, CompanyMember member) {
        return transaction.preparedQuery("INSERT INTO company_members (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5)"
                + " RETURNING " + COLUMNS)
                .execute(Tuple.of(member.companyId, member.userId, member.role.name(), member.joinedAt,
                        member.updatedAt))
                .map(rows -> CompanyMember.from(rows.iterator().next()));
    }

    /** Writes the member's role back; the database sets {@code updated_at}. */
    public Uni<CompanyMember> saveRole(SqlConnection transaction, CompanyMember member) {
        return transaction.preparedQuery("UPDATE company_members SET role = $3 WHERE company_id = $1 AND user_id = $2"
                + " RETURNING " + COLUMNS)
                .execute(Tuple.of(member.companyId, member.userId, member.role.name()))
                .map(rows -> CompanyMember.from(rows.iterator().next()));
    }

    public Uni<Void> remove(SqlConnection transaction, CompanyMember member) {
        return transaction.preparedQuery("DELETE FROM company_members WHERE company_id = $1 AND user_id = $2")
                .execute(Tuple.of(member.companyId, member.userId)).replaceWithVoid();
    }

    public Uni<Long> removeUserEverywhere(SqlConnection transaction, UUID userId) {
        return transaction.preparedQuery("DELETE FROM company_members WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> (long) rows.rowCount());
    }

    private static List<CompanyMember> all(RowSet<Row> rows) {
        List<CompanyMember> members = new ArrayList<>(rows.size());
        for (Row row : rows) {
            members.add(CompanyMember.from(row));
        }
        return members;
    }
}
