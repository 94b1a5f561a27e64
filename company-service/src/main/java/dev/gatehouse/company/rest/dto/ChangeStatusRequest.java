package dev.gatehouse.company.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.gatehouse.company.CompanyStatus;

public record ChangeStatusRequest(@NotNull CompanyStatus status, @NotBlank @Size(max = 500) String reason) {
}
