package dev.gatehouse.auth.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.common.security.TokenClaims;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * The first platform administrators of an installation: addresses listed in {@code PLATFORM_ADMIN_EMAILS} get the
 * {@code platform-admin} role at login, but only once their owner has verified them. Without this, the role could
 * only be granted by editing the database.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class);

    private final Set<String> emails;
    private final UserRepository users;
    private final AuditLog audit;

    public PlatformAdminBootstrap(AuthConfig config, UserRepository users, AuditLog audit) {
        this.emails = config.bootstrap().platformAdminEmails().orElse(List.of()).stream()
                .map(String::trim).filter(email -> !email.isEmpty()).map(RegistrationService::normalizeEmail)
                .collect(Collectors.toUnmodifiableSet());
        this.users = users;
        this.audit = audit;
    }

    /** Runs inside the login's transaction; answers the account to issue tokens for, with its roles as stored. */
    public Uni<User> applyAtLogin(Transaction transaction, User user, ClientInfo client) {
        if (!user.emailVerified || !emails.contains(user.email) || user.roles.contains(TokenClaims.PLATFORM_ADMIN)) {
            return Uni.createFrom().item(user);
        }
        return users.grantRole(transaction, user.id, TokenClaims.PLATFORM_ADMIN).flatMap(granted -> {
            if (granted == null) {
                // A concurrent login granted it first and recorded it.
                return users.findById(transaction, user.id);
            }
            LOG.infof("Granted platform-admin to %s, listed in PLATFORM_ADMIN_EMAILS", granted.id);
            return audit.record(transaction, "platform_admin.granted", granted.id, client, Map.of("via", "bootstrap"))
                    .replaceWith(granted);
        });
    }
}
