package dev.gatehouse.company.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import dev.gatehouse.company.CompanyRole;

/** Sent by approval-service, with its service token, when a join request is approved. */
public record AddMemberRequest(@NotNull UUID userId, @NotNull CompanyRole role) {
}
