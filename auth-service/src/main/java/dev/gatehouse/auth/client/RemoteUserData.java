package dev.gatehouse.auth.client;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Removes what other services hold about a person whose account is being deleted (flow 7): their join requests in
 * approval-service, then their memberships in company-service. Requests go first, so a request approved in between
 * cannot bring a membership back after it was removed.
 * <p>
 * Both calls are idempotent, so a failure that may pass (no answer, a timeout, a 5xx) is retried a few times with
 * back-off, and a whole deletion can be retried by the person. Any other failure is answered 503
 * {@code account_deletion_unavailable}: the account must stay until every other service has forgotten the person.
 * Connect and read timeouts are the REST clients' ({@code quarkus.rest-client.<service>.*-timeout}).
 */
@ApplicationScoped
public class RemoteUserData {

    private static final Logger LOG = Logger.getLogger(RemoteUserData.class);
    private static final int MAX_RETRIES = 2;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final CompanyMembershipsApi companies;
    private final ApprovalRequestsApi approvals;
    private final OwnServiceToken token;

    RemoteUserData(@RestClient CompanyMembershipsApi companies, @RestClient ApprovalRequestsApi approvals,
            OwnServiceToken token) {
        this.companies = companies;
        this.approvals = approvals;
        this.token = token;
    }

    public Uni<Void> removeEverywhere(UUID userId) {
        return call("approval-service", () -> approvals.removeUser(token.authorization(), userId))
                .chain(() -> call("company-service", () -> companies.removeUser(token.authorization(), userId)))
                .invoke(() -> LOG.infof("Other services removed the data of user %s", userId));
    }

    private static Uni<Void> call(String service, Supplier<Uni<Map<String, Object>>> request) {
        Uni<Void> attempts = Uni.createFrom().deferred(() -> request.get()).replaceWithVoid()
                .onFailure(RemoteFailures::mayPass).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .atMost(MAX_RETRIES)
                .onFailure().transform(failure -> {
                    LOG.errorf("%s could not remove a user's data: %s", service, RemoteFailures.describe(failure));
                    return ApiException.unavailable("account_deletion_unavailable", service
                            + " cannot remove this account's data right now, so the account was kept. Try again later.");
                });
        return backOnCallerContext(attempts);
    }

    /**
     * The back-off between retries runs on another thread; Hibernate Reactive needs the rest of the request to go on
     * in the Vert.x context that started it.
     */
    private static <T> Uni<T> backOnCallerContext(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return call;
            }
            return call.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }
}
