package dev.gatehouse.auth.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserProfileRepository;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/** Reads accounts for their owners. */
@ApplicationScoped
public class UserService {

    private final UserProfileRepository profiles;

    public UserService(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    /**
     * The account behind a valid access token, in one query. A valid token whose account was deleted since is
     * answered as unauthenticated, not as a missing resource.
     */
    public Uni<User> get(UUID userId) {
        return profiles.find(userId).map(user -> {
            if (user == null) {
                throw ApiException.unauthorized("unauthorized", "This account no longer exists.");
            }
            return user;
        });
    }
}
