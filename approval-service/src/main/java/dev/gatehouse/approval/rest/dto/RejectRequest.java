package dev.gatehouse.approval.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /approvals/{id}/reject: why, for the requester. */
public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
}
