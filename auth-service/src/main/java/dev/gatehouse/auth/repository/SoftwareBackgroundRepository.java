package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.SoftwareBackground;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SoftwareBackgroundRepository implements PanacheRepositoryBase<SoftwareBackground, UUID> {

    public Uni<SoftwareBackground> findByUserId(UUID userId) {
        return find("userId", userId).firstResult();
    }
}
