package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;

import dev.gatehouse.auth.HardwareBackground;

public record HardwareBackgroundResponse(String experienceLevel, List<String> preferredPlatforms,
        List<String> deviceTypes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static HardwareBackgroundResponse of(HardwareBackground background) {
        return new HardwareBackgroundResponse(background.experienceLevel, List.copyOf(background.preferredPlatforms),
                List.copyOf(background.deviceTypes), background.createdAt, background.updatedAt);
    }
}
