package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.gatehouse.auth.User;

public record UserResponse(UUID id, String email, String phoneNumber, boolean emailVerified, boolean phoneVerified,
        String verificationStatus, List<String> roles, OffsetDateTime createdAt, String locale) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id, user.email, user.phoneNumber, user.emailVerified, user.phoneVerified,
                user.verificationStatus(), List.copyOf(user.roles), user.createdAt, user.locale);
    }
}
