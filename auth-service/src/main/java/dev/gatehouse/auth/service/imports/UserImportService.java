package dev.gatehouse.auth.service.imports;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.auth.service.AuditLog;
import dev.gatehouse.auth.service.ClientInfo;
import dev.gatehouse.auth.service.RegistrationService;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.ImportSourceIds;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Brings accounts over from another system, one source row at a time.
 * <p>
 * Idempotent by the source row: a row already imported is answered with the account it became, whatever happened to
 * that account since. Conflict rule: an email address (compared lower-cased) or a phone number that already belongs
 * to a Gatehouse account is refused ({@code email_taken}, {@code phone_taken}); an existing account is never
 * changed by an import. The stored password hash is kept as it is and replaced by Argon2id at the first login.
 * <p>
 * Two concurrent imports of one row both pass the first look-up; a unique index (the mapping's primary key, or the
 * email or phone number) lets one through, and the other rolls back, finds the mapping and answers what the first
 * one made.
 */
@ApplicationScoped
public class UserImportService {

    private final Database database;
    private final UserRepository users;
    private final AuditLog audit;
    private final PasswordHasher hasher;

    public UserImportService(Database database, UserRepository users, AuditLog audit, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        this.users = users;
        this.audit = audit;
    }

    public Uni<ImportOutcome> importUser(UserImport row, ClientInfo client) {
        if (!hasher.canVerify(row.passwordHash())) {
            throw ApiException.invalidField("passwordHash",
                    "not a password hash Gatehouse can verify: an unknown format, or a cost beyond its bounds");
        }
        return database.inTransaction(tx -> create(tx, row, client))
                .onFailure(UniqueViolation::is).recoverWithUni(failure -> ImportSourceIds
                        .find(database, row.sourceSystem(), row.sourceTable(), row.sourceId())
                        .map(existing -> {
                            // the same row imported at the same moment may collide on the email or phone first
                            if (existing != null) {
                                return new ImportOutcome(existing, false);
                            }
                            String constraint = UniqueViolation.constraintOf(failure).orElse("");
                            if (constraint.contains("phone")) {
                                throw phoneTaken();
                            }
                            if (constraint.contains("email")) {
                                throw emailTaken();
                            }
                            throw new IllegalStateException(failure);
                        }));
    }

    private Uni<ImportOutcome> create(Transaction tx, UserImport row, ClientInfo client) {
        String email = RegistrationService.normalizeEmail(row.email());
        return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new ImportOutcome(existing, false));
            }
            return users.emailTaken(tx, email).flatMap(emailTaken -> {
                if (emailTaken) {
                    return Uni.createFrom().item(emailTaken());
                }
                return (row.phoneNumber() == null ? Uni.createFrom().item(false)
                        : users.phoneTaken(tx, row.phoneNumber()))
                        .map(phoneTaken -> phoneTaken ? phoneTaken() : null);
            }).flatMap(conflict -> {
                if (conflict != null) {
                    return alreadyOr(tx, row, conflict);
                }
                User user = new User();
                user.id = UUID.randomUUID();
                user.email = email;
                user.phoneNumber = row.phoneNumber();
                user.passwordHash = row.passwordHash();
                user.emailVerified = row.emailVerified();
                // a verified flag without the number it verified means nothing here
                user.phoneVerified = row.phoneVerified() && row.phoneNumber() != null;
                user.importedFrom = row.sourceSystem();
                user.createdAt = row.createdAt() != null ? row.createdAt() : OffsetDateTime.now();
                user.updatedAt = OffsetDateTime.now();
                return users.insert(tx, user)
                        .call(() -> ImportSourceIds.record(tx, row.sourceSystem(), row.sourceTable(), row.sourceId(),
                                user.id))
                        .call(() -> audit.record(tx, "user.imported", user.id, client,
                                Map.of("sourceSystem", row.sourceSystem(), "sourceTable", row.sourceTable(),
                                        "sourceId", row.sourceId())))
                        .map(ignored -> new ImportOutcome(user.id, true));
            });
        });
    }

    /**
     * The same source row committed by a concurrent import since this one looked makes the address taken: that is
     * no conflict but the row imported before.
     */
    private Uni<ImportOutcome> alreadyOr(Transaction tx, UserImport row, ApiException conflict) {
        return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId()).map(existing -> {
            if (existing == null) {
                throw conflict;
            }
            return new ImportOutcome(existing, false);
        });
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken", "An account with this email address exists; it is left as it is.");
    }

    private static ApiException phoneTaken() {
        return ApiException.conflict("phone_taken", "An account with this phone number exists; it is left as it is.");
    }
}
