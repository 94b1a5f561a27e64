package dev.gatehouse.auth.repository;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.AuditEvent;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/** Appends to {@code audit_events}; nothing in the service reads or changes an event once written. */
@ApplicationScoped
public class AuditRepository {

    public Uni<Void> insert(Sql sql, AuditEvent event) {
        return sql.execute("INSERT INTO audit_events (user_id, event_type, ip_address, user_agent, details, created_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6)",
                Tuple.of(event.userId(), event.eventType(), event.ipAddress(), event.userAgent(),
                        json(event.details()), event.createdAt()))
                .replaceWithVoid();
    }

    /** Numbers and booleans stay JSON's own; anything else (an id, a time) is written as its string form. */
    private static JsonObject json(Map<String, Object> details) {
        JsonObject json = new JsonObject();
        details.forEach((key, value) -> json.put(key,
                value == null || value instanceof Number || value instanceof Boolean ? value : value.toString()));
        return json;
    }
}
