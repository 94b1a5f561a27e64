package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.auth.Session;

public record SessionResponse(UUID id, String deviceId, String ipAddress, String userAgent, OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt, boolean current) {

    public static SessionResponse of(Session session, UUID currentSessionId) {
        return new SessionResponse(session.id, session.deviceId, session.ipAddress, session.userAgent,
                session.createdAt, session.lastUsedAt, session.id.equals(currentSessionId));
    }
}
