package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;

import dev.gatehouse.auth.SoftwareBackground;

public record SoftwareBackgroundResponse(String experienceLevel, List<String> preferredLanguages,
        List<String> preferredFrameworks, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static SoftwareBackgroundResponse of(SoftwareBackground background) {
        return new SoftwareBackgroundResponse(background.experienceLevel, List.copyOf(background.preferredLanguages),
                List.copyOf(background.preferredFrameworks), background.createdAt, background.updatedAt);
    }
}
