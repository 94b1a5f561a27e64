package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A security-relevant fact worth keeping: who, what, from where. Never a password or a token. A row of
 * {@code audit_events}, whose id PostgreSQL assigns.
 */
public record AuditEvent(UUID userId, String eventType, String ipAddress, String userAgent, Map<String, Object> details,
        OffsetDateTime createdAt) {
}
