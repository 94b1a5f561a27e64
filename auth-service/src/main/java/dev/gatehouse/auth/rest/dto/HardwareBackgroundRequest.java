package dev.gatehouse.auth.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The whole hardware background; a missing list is an empty one. Entries are checked by the service. */
public record HardwareBackgroundRequest(
        @NotNull @Pattern(regexp = Patterns.EXPERIENCE_LEVEL, message = Patterns.EXPERIENCE_LEVEL_MESSAGE) String experienceLevel,
        List<String> preferredPlatforms,
        List<String> deviceTypes) {
}
