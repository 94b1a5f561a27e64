package dev.gatehouse.auth.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.client.EmailGateway;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends reset emails after the forgot-password request has been answered, and runs other work that must not delay
 * or shape an answer.
 * <p>
 * The answer to a forgot-password request must not tell whether the account exists, and waiting for SMTP only
 * when it does would tell exactly that through timing (Better Auth gives the same advice). So the email goes out on
 * its own Vert.x context once the reset is committed; if it cannot be delivered, the reset is revoked (nobody can
 * hold its secret) and the failure is logged and audited instead of reported to the caller.
 */
@ApplicationScoped
public class ResetMailDelivery {

    private static final Logger LOG = Logger.getLogger(ResetMailDelivery.class);

    private final Database database;
    private final EmailGateway email;
    private final PasswordResetRepository resets;
    private final AuditLog audit;
    private final Vertx vertx;

    public ResetMailDelivery(Database database, EmailGateway email, PasswordResetRepository resets, AuditLog audit,
            Vertx vertx) {
        this.database = database;
        this.email = email;
        this.resets = resets;
        this.audit = audit;
        this.vertx = vertx;
    }

    void dispatch(PendingResetMail pending, ClientInfo client) {
        runDetached(() -> send(pending, client).invoke(() -> LOG.debugf("Password reset %s emailed", pending.resetId())),
                "password reset " + pending.resetId() + " delivery");
    }

    /**
     * Runs {@code work} apart from the request, which is answered without waiting for it; a failure is logged, never
     * reported to the caller.
     */
    void runDetached(Supplier<Uni<Void>> work, String what) {
        // A fresh duplicated context of its own: the request's context is finished with by then, and nothing of it
        // (its context-local data) must reach work that outlives it.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> Uni.createFrom().<Void> deferred(work::get).subscribe().with(
                done -> {
                },
                failure -> LOG.errorf(failure, "%s failed", what)));
    }

    private Uni<Void> send(PendingResetMail pending, ClientInfo client) {
        ResetMails.Mail mail = pending.mail();
        return email.send(pending.to(), mail.subject(), mail.text(), mail.html())
                .onFailure().recoverWithUni(failure -> revoke(pending, failure, client));
    }

    private Uni<Void> revoke(PendingResetMail pending, Throwable failure, ClientInfo client) {
        String reason = failure instanceof ApiException api ? api.problem().code() : "delivery_failed";
        LOG.warnf("Password reset %s could not be emailed (%s): revoking it", pending.resetId(), reason);
        return database.inTransaction(tx -> resets.revokeIfPending(tx, pending.resetId())
                .call(() -> audit.record(tx, "password_reset.delivery_failed", pending.userId(), client,
                        Map.of("resetId", pending.resetId(), "reason", reason))))
                .replaceWithVoid();
    }
}
