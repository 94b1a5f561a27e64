package dev.gatehouse.company.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Makes a person a member of a company, sent by approval-service when a join request is approved. */
public record AddMemberRequest(@NotNull UUID userId, @NotNull MemberRole role) {
}
