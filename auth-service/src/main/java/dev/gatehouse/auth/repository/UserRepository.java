package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** {@code email} must already be lower-cased: the unique index is on {@code lower(email)}. */
    public Uni<User> findByEmail(String email) {
        return find("lower(email) = ?1", email).firstResult();
    }

    public Uni<User> findByPhoneNumber(String phoneNumber) {
        return find("phoneNumber", phoneNumber).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = ?1", email).map(n -> n > 0);
    }

    public Uni<Boolean> phoneTaken(String phoneNumber) {
        return count("phoneNumber", phoneNumber).map(n -> n > 0);
    }

    /** Replaces the hash only if it is still {@code expectedHash}, so a concurrent password change wins. */
    public Uni<Integer> replacePasswordHash(UUID userId, String expectedHash, String newHash) {
        return update("passwordHash = ?3 where id = ?1 and passwordHash = ?2", userId, expectedHash, newHash);
    }
}
