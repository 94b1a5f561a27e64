package dev.gatehouse.company;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "companies")
public class Company {

    @Id
    public UUID id;

    /** The public id clients use in paths. */
    @Column(name = "company_id", nullable = false, updatable = false)
    public String companyId;

    @Column(nullable = false)
    public String name;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Column(name = "phone_number", nullable = false)
    public String phoneNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompanyStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "phone_verified_at")
    public OffsetDateTime phoneVerifiedAt;

    @Column(name = "pending_verification_id")
    public UUID pendingVerificationId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public void moveTo(CompanyStatus next, String reason, OffsetDateTime now) {
        status = next;
        statusReason = reason;
        statusChangedAt = now;
    }
}
