package dev.gatehouse.company;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code companies}; {@link dev.gatehouse.company.repository.CompanyRepository} reads and writes it. */
public class Company {

    public UUID id;

    /** The public id clients use in paths. */
    public String companyId;

    public String name;

    public String countryCode;

    public String phoneNumber;

    public CompanyStatus status;

    public String statusReason;

    public OffsetDateTime statusChangedAt;

    public OffsetDateTime phoneVerifiedAt;

    public UUID pendingVerificationId;

    public UUID createdBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** The company a row of {@code companies} holds. */
    public static Company from(Row row) {
        Company company = new Company();
        company.id = row.getUUID("id");
        company.companyId = row.getString("company_id");
        company.name = row.getString("name");
        company.countryCode = row.getString("country_code");
        company.phoneNumber = row.getString("phone_number");
        company.status = CompanyStatus.valueOf(row.getString("status"));
        company.statusReason = row.getString("status_reason");
        company.statusChangedAt = row.getOffsetDateTime("status_changed_at");
        company.phoneVerifiedAt = row.getOffsetDateTime("phone_verified_at");
        company.pendingVerificationId = row.getUUID("pending_verification_id");
        company.createdBy = row.getUUID("created_by");
        company.createdAt = row.getOffsetDateTime("created_at");
        company.updatedAt = row.getOffsetDateTime("updated_at");
        return company;
    }

    public void moveTo(CompanyStatus next, String reason, OffsetDateTime now) {
        status = next;
        statusReason = reason;
        statusChangedAt = now;
    }
}
