package dev.gatehouse.auth.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The whole software background; a missing list is an empty one. Entries are checked and normalised by the service
 * (1 to 50 characters each, at most 50 of them), so an error can name the entry at fault.
 */
public record SoftwareBackgroundRequest(
        @NotNull @Pattern(regexp = Patterns.EXPERIENCE_LEVEL, message = Patterns.EXPERIENCE_LEVEL_MESSAGE) String experienceLevel,
        List<String> preferredLanguages,
        List<String> preferredFrameworks) {
}
