package dev.gatehouse.auth.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A software or hardware background from a source system, for an account already imported. Software uses
 * {@code preferredLanguages} and {@code preferredFrameworks}, hardware {@code preferredPlatforms} and
 * {@code deviceTypes}; a missing list is an empty one.
 */
public record ImportBackgroundRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "lowercase letters, digits and dashes") String sourceSystem,
        @NotBlank @Size(max = 63) String sourceTable,
        @NotBlank @Size(max = 255) String sourceId,
        @NotNull @Pattern(regexp = Patterns.EXPERIENCE_LEVEL, message = Patterns.EXPERIENCE_LEVEL_MESSAGE) String experienceLevel,
        List<String> preferredLanguages,
        List<String> preferredFrameworks,
        List<String> preferredPlatforms,
        List<String> deviceTypes) {

    public static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
