package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.HardwareBackground;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class HardwareBackgroundRepository implements PanacheRepositoryBase<HardwareBackground, UUID> {

    public Uni<HardwareBackground> findByUserId(UUID userId) {
        return find("userId", userId).firstResult();
    }
}
