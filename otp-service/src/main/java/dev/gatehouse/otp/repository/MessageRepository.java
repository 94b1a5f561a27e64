package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.Message;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /** Drops the records of messages older than the retention; they only serve support and audit. */
    public Uni<Long> deleteBefore(OffsetDateTime cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
