package dev.gatehouse.auth.service.imports;

import java.time.OffsetDateTime;

/**
 * One account as a source system held it. {@code email} is taken as given (lower-cased here); {@code phoneNumber}
 * is E.164 or null; {@code passwordHash} is any format {@code PasswordHasher} verifies.
 */
public record UserImport(String sourceSystem, String sourceTable, String sourceId, String email, String phoneNumber,
        String passwordHash, boolean emailVerified, boolean phoneVerified, OffsetDateTime createdAt) {
}
