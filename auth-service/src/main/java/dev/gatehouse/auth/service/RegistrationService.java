package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.rest.dto.RegisterRequest;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/** Creates accounts: one per email address and one per phone number. */
@ApplicationScoped
public class RegistrationService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Database database;

    public RegistrationService(UserRepository users, PasswordHasher hasher, AuditLog audit, Database database) {
        this.users = users;
        this.database = database;
        this.hasher = hasher;
        this.audit = audit;
    }

    /**
     * The password is hashed before the transaction opens, so the slow hash never holds a database connection;
     * uniqueness is checked first for a clear answer and enforced by the unique indexes for concurrent sign-ups.
     */
    public Uni<User> register(RegisterRequest request, ClientInfo client) {
        String email = normalizeEmail(request.email());
        return hasher.hash(request.password())
                .flatMap(hash -> database.inTransaction(tx -> create(tx, email, request.phoneNumber(), hash, client)))
                .onFailure(UniqueViolation::is).transform(RegistrationService::toConflict);
    }

    private Uni<User> create(Transaction tx, String email, String phoneNumber, String passwordHash,
            ClientInfo client) {
        return users.emailTaken(tx, email).flatMap(emailTaken -> {
            if (emailTaken) {
                throw ApiException.conflict("email_taken", "An account with this email address exists.");
            }
            return users.phoneTaken(tx, phoneNumber);
        }).flatMap(phoneTaken -> {
            if (phoneTaken) {
                throw ApiException.conflict("phone_taken", "An account with this phone number exists.");
            }
            User user = new User();
            user.id = UUID.randomUUID();
            user.email = email;
            user.phoneNumber = phoneNumber;
            user.passwordHash = passwordHash;
            user.createdAt = OffsetDateTime.now();
            user.updatedAt = user.createdAt;
            return users.insert(tx, user).call(stored -> audit.record(tx, "user.registered", user.id, client));
        });
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Throwable toConflict(Throwable failure) {
        String constraint = UniqueViolation.constraintOf(failure).orElse("");
        if (constraint.contains("phone")) {
            return ApiException.conflict("phone_taken", "An account with this phone number exists.");
        }
        if (constraint.contains("email")) {
            return ApiException.conflict("email_taken", "An account with this email address exists.");
        }
        return failure;
    }
}
