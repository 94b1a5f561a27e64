package dev.gatehouse.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.PasswordCheck;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/**
 * Replaces a stored password hash that verified but is outdated (an imported legacy format, or Argon2id below the
 * configured cost) with a fresh Argon2id hash, right after a successful login, the only moment the password is known.
 * <p>
 * The new hash is computed before any transaction, and written only if the stored hash is still the one that was
 * verified: a password changed or reset meanwhile is never overwritten. A failure here is logged and does not fail
 * the login: the old hash still works and the next login tries again.
 */
@ApplicationScoped
public class PasswordUpgrade {

    private static final Logger LOG = Logger.getLogger(PasswordUpgrade.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Database database;

    public PasswordUpgrade(UserRepository users, PasswordHasher hasher, Database database) {
        this.users = users;
        this.database = database;
        this.hasher = hasher;
    }

    public Uni<Void> afterLogin(User user, String password, PasswordCheck check) {
        if (!check.matches() || !check.needsRehash()) {
            return Uni.createFrom().voidItem();
        }
        String verifiedHash = user.passwordHash;
        return hasher.hash(password)
                .flatMap(newHash -> users.replacePasswordHash(database, user.id, verifiedHash, newHash))
                .invoke(updated -> {
                    if (updated == 0) {
                        LOG.debugf("password of %s changed meanwhile: not rehashed", user.id);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("could not rehash the password of %s: %s", user.id,
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
