package dev.gatehouse.company.rest.dto;

import jakarta.validation.constraints.NotNull;

import dev.gatehouse.company.CompanyRole;

public record UpdateMemberRequest(@NotNull CompanyRole role) {
}
