package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.AuditEvent;
import dev.gatehouse.auth.repository.AuditRepository;
import io.smallrye.mutiny.Uni;

/** Records security events inside the caller's transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository events;

    public AuditLog(AuditRepository events) {
        this.events = events;
    }

    public Uni<Void> record(String type, UUID userId, ClientInfo client, Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.eventType = type;
        event.userId = userId;
        event.ipAddress = client == null ? null : client.ipAddress();
        event.userAgent = client == null ? null : client.userAgent();
        event.details = details;
        event.createdAt = OffsetDateTime.now();
        return events.persist(event).replaceWithVoid();
    }

    public Uni<Void> record(String type, UUID userId, ClientInfo client) {
        return record(type, userId, client, Map.of());
    }
}
