package dev.gatehouse.company;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's membership of a company; {@code companyId} is the company's internal id. */
@Entity
@Table(name = "company_members")
@IdClass(CompanyMember.Key.class)
public class CompanyMember {

    @Id
    @Column(name = "company_id")
    public UUID companyId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompanyRole role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public OffsetDateTime joinedAt;

    @Column(name = "updated_at", nullable = false)
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

    /** The composite primary key: one membership per user and company. */
    public static class Key implements Serializable {
        public UUID companyId;
        public UUID userId;

        public Key() {
        }

        public Key(UUID companyId, UUID userId) {
            this.companyId = companyId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(companyId, key.companyId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyId, userId);
        }
    }
}
