package dev.gatehouse.common.contact;

import java.util.UUID;

/**
 * How a person can be reached, as far as they have proved it: {@code email} is set only when the address is
 * verified, {@code phoneNumber} (E.164) only when the phone is verified. Both are null for a person who has verified
 * neither.
 */
public record VerifiedContact(UUID userId, String email, String phoneNumber) {
}
