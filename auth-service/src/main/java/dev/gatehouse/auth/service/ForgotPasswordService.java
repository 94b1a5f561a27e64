package dev.gatehouse.auth.service;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.PasswordReset;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Starts a password reset (seed 004): a link or a six-digit code, sent by email.
 * <p>
 * The caller learns nothing about the account: every well-formed request is answered 202 at once and the work (the
 * secret, the code's hash, the row, the email) happens after the answer, so neither the answer nor its timing tells
 * whether the account exists. A new request revokes the user's earlier pending resets, so only the latest email
 * works.
 * <p>
 * The owner of an account that just got locked by failed logins gets a reset link the same way, with a mail that
 * says why.
 */
@ApplicationScoped
public class ForgotPasswordService {

    private static final Logger LOG = Logger.getLogger(ForgotPasswordService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final UserRepository users;
    private final PasswordResetRepository resets;
    private final PasswordHasher hasher;
    private final ResetMails mails;
    private final ResetMailDelivery delivery;
    private final AuditLog audit;
    private final AuthConfig.PasswordReset config;

    public ForgotPasswordService(Database database, UserRepository users, PasswordResetRepository resets,
            PasswordHasher hasher, ResetMails mails, ResetMailDelivery delivery, AuditLog audit, AuthConfig config) {
        this.database = database;
        this.users = users;
        this.resets = resets;
        this.hasher = hasher;
        this.mails = mails;
        this.delivery = delivery;
        this.audit = audit;
        this.config = config.passwordReset();
    }

    /** {@code method} is {@link PasswordReset#EMAIL_LINK} or {@link PasswordReset#EMAIL_OTP}, checked at the edge. */
    public void requestAfterAnswer(String email, String method, ClientInfo client) {
        delivery.runDetached(() -> request(email, method, client), "password reset request");
    }

    /**
     * Tells the owner, after the answer to the failed login, that their account is locked until {@code lockedUntil},
     * with a reset link. It counts towards the reset emails per hour, so locks cannot flood a mailbox.
     */
    public void lockNoticeAfterAnswer(User user, OffsetDateTime lockedUntil, ClientInfo client) {
        delivery.runDetached(() -> {
            Secret secret = newLinkSecret();
            return database.inTransaction(tx -> resets.lockAccount(tx, user.id)
                    .flatMap(locked -> recordFor(tx, user, PasswordReset.EMAIL_LINK, secret, client,
                            mails.lockNotice(secret.plain(), lockedUntil, language(user, client)))))
                    .invoke(pending -> dispatch(pending, client))
                    .replaceWithVoid();
        }, "lock notice");
    }

    Uni<Void> request(String email, String method, ClientInfo client) {
        String normalized = RegistrationService.normalizeEmail(email);
        // The slow code hash runs before the transaction, so it never holds a database connection.
        return newSecret(method)
                .flatMap(secret -> database.inTransaction(tx -> record(tx, normalized, method, secret, client)))
                .invoke(pending -> dispatch(pending, client))
                .replaceWithVoid();
    }

    private void dispatch(PendingResetMail pending, ClientInfo client) {
        if (pending != null) {
            delivery.dispatch(pending, client);
        }
    }

    private static Secret newLinkSecret() {
        String token = OpaqueTokens.newToken();
        return new Secret(token, OpaqueTokens.hash(token));
    }

    private Uni<Secret> newSecret(String method) {
        if (PasswordReset.EMAIL_LINK.equals(method)) {
            return Uni.createFrom().item(newLinkSecret());
        }
        // Six digits are guessable offline from a fast hash; Argon2id with its own salt is not, and the salt also
        // keeps two equal codes from colliding in the unique token_hash index.
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        return hasher.hash(code).map(hash -> new Secret(code, hash));
    }

    private Uni<PendingResetMail> record(Transaction tx, String email, String method, Secret secret,
            ClientInfo client) {
        return users.findByEmail(tx, email).flatMap(user -> user == null
                ? Uni.createFrom().<PendingResetMail> nullItem()
                : resets.lockAccount(tx, user.id).flatMap(locked -> recordFor(tx, user, method, secret, client,
                        PasswordReset.EMAIL_LINK.equals(method)
                                ? mails.link(secret.plain(), language(user, client))
                                : mails.code(secret.plain(), language(user, client)))));
    }

    /** The person's stored language, else the request's Accept-Language, else English. */
    private static String language(User user, ClientInfo client) {
        return MessageLanguage.of(user.locale, client.acceptLanguage());
    }

    private Uni<PendingResetMail> recordFor(Transaction tx, User user, String method, Secret secret,
            ClientInfo client, ResetMails.Mail mail) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String email = email(user);
        return resets.countRequestedSince(tx, email, now.minusHours(1)).flatMap(recent -> {
            if (recent >= config.maxRequestsPerHour()) {
                LOG.infof("Password reset for user %s not sent: %d requests in the last hour", user.id, recent);
                return audit.record(tx, "password_reset.throttled", user.id, client, Map.of("method", method))
                        .replaceWith((PendingResetMail) null);
            }
            PasswordReset reset = newReset(user, method, secret, client, now);
            return resets.revokePending(tx, user.id, null)
                    .call(() -> resets.insert(tx, reset))
                    .call(() -> audit.record(tx, "password_reset.requested", user.id, client,
                            Map.of("method", method, "resetId", reset.id)))
                    .replaceWith(new PendingResetMail(reset.id, user.id, email, mail));
        });
    }

    private PasswordReset newReset(User user, String method, Secret secret, ClientInfo client, LocalDateTime now) {
        PasswordReset reset = new PasswordReset();
        reset.id = UUID.randomUUID();
        reset.userId = user.id;
        reset.email = email(user);
        reset.resetType = method;
        reset.status = PasswordReset.PENDING;
        reset.tokenHash = secret.hash();
        reset.maxAttempts = config.maxAttempts();
        reset.createdAt = now;
        reset.expiresAt = now.plus(PasswordReset.EMAIL_LINK.equals(method) ? config.linkTtl() : config.codeTtl());
        reset.userAgent = client.userAgent();
        reset.ipAddress = InetAddresses.forInetColumn(client.ipAddress());
        return reset;
    }

    /** Accounts are stored lower-cased; normalising again keeps the code lookup by email exact. */
    private static String email(User user) {
        return RegistrationService.normalizeEmail(user.email);
    }

    private record Secret(String plain, String hash) {
    }
}
