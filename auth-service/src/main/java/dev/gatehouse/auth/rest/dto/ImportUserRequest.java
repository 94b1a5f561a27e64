package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.auth.service.imports.UserImport;

/**
 * One account from a source system. The source row is named by system, table and id; the phone number is optional
 * (E.164 when given) and the password hash is kept as the source stored it.
 */
public record ImportUserRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "lowercase letters, digits and dashes") String sourceSystem,
        @NotBlank @Size(max = 63) String sourceTable,
        @NotBlank @Size(max = 255) String sourceId,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = Patterns.E164, message = Patterns.E164_MESSAGE) String phoneNumber,
        @NotBlank @Size(max = 255) String passwordHash,
        boolean emailVerified,
        boolean phoneVerified,
        OffsetDateTime createdAt) {

    public UserImport toImport() {
        return new UserImport(sourceSystem, sourceTable, sourceId, email, phoneNumber, passwordHash, emailVerified,
                phoneVerified, createdAt);
    }
}
