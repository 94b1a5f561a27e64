package dev.gatehouse.auth.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads accounts for their owners. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;

    public UserService(UserRepository users) {
        this.users = users;
    }

    /** A valid token whose account was deleted since is answered as unauthenticated, not as a missing resource. */
    @WithSession
    public Uni<User> get(UUID userId) {
        return users.findById(userId).map(user -> {
            if (user == null) {
                throw ApiException.unauthorized("unauthorized", "This account no longer exists.");
            }
            return user;
        });
    }
}
