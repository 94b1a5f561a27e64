package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A one-time code the person received. */
public record CodeRequest(@NotBlank @Size(max = 20) String code) {
}
