package dev.gatehouse.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The services' answers and requests, as far as the console uses them; unknown fields are ignored. */
public final class Model {

    private Model() {
    }

    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn, UUID sessionId) {
    }

    public record User(UUID id, String email, String phoneNumber, boolean emailVerified, boolean phoneVerified,
            String verificationStatus, List<String> roles, OffsetDateTime createdAt, String locale) {

        public boolean platformAdmin() {
            return roles != null && roles.contains("PLATFORM_ADMIN");
        }
    }

    public record SessionInfo(UUID id, String deviceId, String ipAddress, String userAgent,
            OffsetDateTime createdAt, OffsetDateTime lastUsedAt, boolean current) {
    }

    public record SoftwareBackground(String experienceLevel, List<String> preferredLanguages,
            List<String> preferredFrameworks) {
    }

    public record HardwareBackground(String experienceLevel, List<String> preferredPlatforms,
            List<String> deviceTypes) {
    }

    public record Company(String companyId, String name, String countryCode, String phoneNumber, String status,
            String statusReason, OffsetDateTime createdAt, String role) {

        public boolean manageable() {
            return "OWNER".equals(role) || "ADMIN".equals(role);
        }

        public boolean pendingVerification() {
            return "PENDING_VERIFICATION".equals(status);
        }
    }

    public record Member(UUID userId, String role, OffsetDateTime joinedAt) {
    }

    /** {@code requesterEmail} and {@code requesterPhone}: what the requester had verified when they asked. */
    public record Approval(UUID id, String companyId, UUID userId, String requestedRole, String status,
            String message, String grantedRole, String reason, OffsetDateTime expiresAt,
            OffsetDateTime createdAt, String requesterEmail, String requesterPhone) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    }
}
