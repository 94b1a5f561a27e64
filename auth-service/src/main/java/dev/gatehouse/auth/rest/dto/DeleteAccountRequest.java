package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Deleting an account asks for its password again, whoever holds the access token. */
public record DeleteAccountRequest(@NotBlank @Size(max = 128) String password) {
}
