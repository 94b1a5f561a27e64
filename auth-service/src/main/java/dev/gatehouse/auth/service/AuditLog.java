package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.AuditEvent;
import dev.gatehouse.auth.repository.AuditRepository;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;

/** Records security events inside the caller's transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository events;

    public AuditLog(AuditRepository events) {
        this.events = events;
    }

    /** Records the event through {@code sql}: the caller's transaction, where the change it records is made. */
    public Uni<Void> record(Sql sql, String type, UUID userId, ClientInfo client, Map<String, Object> details) {
        return events.insert(sql, new AuditEvent(userId, type, client == null ? null : client.ipAddress(),
                client == null ? null : client.userAgent(), details, OffsetDateTime.now()));
    }

    public Uni<Void> record(Sql sql, String type, UUID userId, ClientInfo client) {
        return record(sql, type, userId, client, Map.of());
    }
}
