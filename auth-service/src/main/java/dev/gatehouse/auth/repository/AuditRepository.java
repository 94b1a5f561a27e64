package dev.gatehouse.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.AuditEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class AuditRepository implements PanacheRepository<AuditEvent> {
}
