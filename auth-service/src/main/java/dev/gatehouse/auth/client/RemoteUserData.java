package dev.gatehouse.auth.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.gatehouse.common.client.CallerContext;
import dev.gatehouse.deletedusers.api.DeletedUsersApi;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Tells the services that hold data about a person that the person's account was deleted: company-service
 * (memberships) and approval-service (join requests), both through the {@code deleted-users-api} contract, one client
 * of it per service ({@code quarkus.rest-client.<service>.url} and its connect and read timeouts), each call with
 * auth-service's own service token.
 * <p>
 * Called by the outbox relay, which retries with back-off until each service acknowledges, so one call here is one
 * attempt and nothing is retried here (a retry inside would hold the relay and multiply attempts the relay already
 * schedules). Each call has a timeout and each service a circuit breaker: while a service keeps failing, its breaker
 * opens and the relay's attempts fail at once, without a connection, until the breaker lets a trial call through.
 * Limits can be tuned with the MicroProfile Fault Tolerance keys, e.g.
 * {@code dev.gatehouse.auth.client.RemoteUserData/toCompanyService/Timeout/value}.
 */
@ApplicationScoped
public class RemoteUserData {

    /** Destinations of the {@code user-deleted} event, as stored in the outbox. */
    public static final String COMPANY_SERVICE = "company-service";
    public static final String APPROVAL_SERVICE = "approval-service";
    public static final String COMPANY_BREAKER = "company-service-user-deleted";
    public static final String APPROVAL_BREAKER = "approval-service-user-deleted";

    private final DeletedUsersApi companies;
    private final DeletedUsersApi approvals;

    RemoteUserData(@ConfigProperty(name = "quarkus.rest-client.company-service.url") String companyUrl,
            @ConfigProperty(name = "quarkus.rest-client.company-service.connect-timeout", defaultValue = "2000") long companyConnectMillis,
            @ConfigProperty(name = "quarkus.rest-client.company-service.read-timeout", defaultValue = "5000") long companyReadMillis,
            @ConfigProperty(name = "quarkus.rest-client.approval-service.url") String approvalUrl,
            @ConfigProperty(name = "quarkus.rest-client.approval-service.connect-timeout", defaultValue = "2000") long approvalConnectMillis,
            @ConfigProperty(name = "quarkus.rest-client.approval-service.read-timeout", defaultValue = "5000") long approvalReadMillis) {
        this.companies = client(companyUrl, companyConnectMillis, companyReadMillis);
        this.approvals = client(approvalUrl, approvalConnectMillis, approvalReadMillis);
    }

    /** Delivers {@code user-deleted} to {@code destination}; completes when it acknowledged (204). */
    public Uni<Void> userDeleted(String destination, UUID userId) {
        Uni<Void> call = switch (destination) {
            case COMPANY_SERVICE -> toCompanyService(userId);
            case APPROVAL_SERVICE -> toApprovalService(userId);
            default -> Uni.createFrom().failure(new IllegalArgumentException("Unknown destination " + destination));
        };
        return CallerContext.backOn(call.onFailure().transform(failure -> new IllegalStateException(
                destination + " " + RemoteFailures.describe(failure), failure)));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @CircuitBreakerName(COMPANY_BREAKER)
    Uni<Void> toCompanyService(UUID userId) {
        return Uni.createFrom().deferred(() -> companies.userDeleted(userId));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @CircuitBreakerName(APPROVAL_BREAKER)
    Uni<Void> toApprovalService(UUID userId) {
        return Uni.createFrom().deferred(() -> approvals.userDeleted(userId));
    }

    private static DeletedUsersApi client(String url, long connectMillis, long readMillis) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readMillis, TimeUnit.MILLISECONDS)
                .register(new OwnServiceTokenFilter())
                .build(DeletedUsersApi.class);
    }

}
