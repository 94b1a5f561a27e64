package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /users/me}: {@code locale} is the language for Gatehouse's messages to the person, one of the
 * supported tags ({@code en}, {@code sw}); null clears the choice.
 */
public record UpdateProfileRequest(@Size(max = 35) String locale) {
}
