package dev.gatehouse.company;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A user's membership of a company, a row of {@code company_members} (one per user and company); {@code companyId}
 * is the company's internal id.
 */
public class CompanyMember {

    public UUID companyId;

    public UUID userId;

    public CompanyRole role;

    public OffsetDateTime joinedAt;

    public OffsetDateTime updatedAt;

    public static CompanyMember of(UUID companyId, UUID userId, CompanyRole role, OffsetDateTime now) {
        CompanyMember member = new CompanyMember();
        member.companyId = companyId;
        member.userId = userId;
        member.role = role;
        member.joinedAt = now;
        member.updatedAt = now;
        return member;
    }

    /** The membership a row of {@code company_members} holds. */
    public static CompanyMember from(Row row) {
        CompanyMember member = new CompanyMember();
        member.companyId = row.getUUID("company_id");
        member.userId = row.getUUID("user_id");
        member.role = CompanyRole.valueOf(row.getString("role"));
        member.joinedAt = row.getOffsetDateTime("joined_at");
        member.updatedAt = row.getOffsetDateTime("updated_at");
        return member;
    }
}
