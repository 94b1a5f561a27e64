package dev.gatehouse.otp.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.DeliveryAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, UUID> {
}
