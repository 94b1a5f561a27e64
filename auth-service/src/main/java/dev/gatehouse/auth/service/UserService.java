package dev.gatehouse.auth.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.common.contact.VerifiedContact;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/** Reads accounts for their owners, and the verified contact of an account for other services. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final Database database;

    public UserService(UserRepository users, Database database) {
        this.users = users;
        this.database = database;
    }

    /**
     * The account behind a valid access token, in one statement and no transaction. A valid token whose account was
     * deleted since is answered as unauthenticated, not as a missing resource.
     */
    public Uni<User> get(UUID userId) {
        return users.findById(database, userId).map(UserService::existing);
    }

    /**
     * Stores the language Gatehouse writes to the person in (emails, code texts, the lock notice): one of
     * {@link MessageLanguage#SUPPORTED}, compared without case; null clears it, so the request's Accept-Language
     * decides again. Answers the account as it is now.
     */
    public Uni<User> setLocale(UUID userId, String locale) {
        String stored = MessageLanguage.supported(locale);
        if (locale != null && stored == null) {
            throw ApiException.invalidField("locale", "must be one of " + String.join(", ", MessageLanguage.SUPPORTED));
        }
        return users.setLocale(database, userId, stored).map(UserService::existing);
    }

    /**
     * How another service may reach or show a person: only what the person has proved. An unverified email address
     * or phone number is left out, because nobody has shown it belongs to them. 404 {@code user_not_found} when no
     * account has this id (a deleted one, say).
     */
    public Uni<VerifiedContact> verifiedContact(UUID userId) {
        return users.findById(database, userId).map(user -> {
            if (user == null) {
                throw ApiException.notFound("user_not_found", "No account has this id.");
            }
            return new VerifiedContact(user.id, user.emailVerified ? user.email : null,
                    user.phoneVerified ? user.phoneNumber : null);
        });
    }

    private static User existing(User user) {
        if (user == null) {
            throw AccountProblems.gone();
        }
        return user;
    }
}
