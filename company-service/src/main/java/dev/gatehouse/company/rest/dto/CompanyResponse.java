package dev.gatehouse.company.rest.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.CompanyStatus;

/** A company as clients see it; {@code role} is the caller's, present only where the caller asked for theirs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyResponse(String companyId, String name, String countryCode, String phoneNumber,
        CompanyStatus status, String statusReason, OffsetDateTime createdAt, CompanyRole role) {

    public static CompanyResponse of(Company company) {
        return of(company, null);
    }

    public static CompanyResponse of(Company company, CompanyRole callerRole) {
        return new CompanyResponse(company.companyId, company.name, company.countryCode, company.phoneNumber,
                company.status, company.statusReason, company.createdAt, callerRole);
    }
}
