package dev.gatehouse.auth.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Tells the services that hold data about a person that the person's account was deleted: company-service
 * (memberships) and approval-service (join requests). Called by the outbox relay, which retries with back-off until
 * each acknowledges, so one call here is one attempt; connect and read timeouts are the REST clients'
 * ({@code quarkus.rest-client.<service>.*-timeout}).
 */
@ApplicationScoped
public class RemoteUserData {

    /** Destinations of the {@code user-deleted} event, as stored in the outbox. */
    public static final String COMPANY_SERVICE = "company-service";
    public static final String APPROVAL_SERVICE = "approval-service";

    private final CompanyMembershipsApi companies;
    private final ApprovalRequestsApi approvals;
    private final OwnServiceToken token;

    RemoteUserData(@RestClient CompanyMembershipsApi companies, @RestClient ApprovalRequestsApi approvals,
            OwnServiceToken token) {
        this.companies = companies;
        this.approvals = approvals;
        this.token = token;
    }

    /** Delivers {@code user-deleted} to {@code destination}; completes when it acknowledged (204). */
    public Uni<Void> userDeleted(String destination, UUID userId) {
        return backOnCallerContext(Uni.createFrom().deferred(() -> switch (destination) {
            case COMPANY_SERVICE -> companies.userDeleted(token.authorization(), userId);
            case APPROVAL_SERVICE -> approvals.userDeleted(token.authorization(), userId);
            default -> Uni.createFrom().failure(new IllegalArgumentException("Unknown destination " + destination));
        }).onFailure().transform(failure -> new IllegalStateException(
                destination + " " + RemoteFailures.describe(failure), failure)));
    }

    /**
     * The answer may arrive on another thread; Hibernate Reactive needs the relay to go on in the Vert.x context
     * that started it.
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
