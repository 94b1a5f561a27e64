package dev.gatehouse.approval.client;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.config.ApprovalConfig;
import dev.gatehouse.common.client.ServiceTokens;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What this service asks company-service: a company, a user's role in it, and adding a member.
 * <p>
 * Owns the tokens (the caller's own for reading a company, a service token otherwise), bounded retries with back-off
 * for failures that may pass (connection failures, timeouts, 5xx) on calls that are idempotent, and the translation
 * of company-service's answers into this service's problems: {@code company_not_found}, {@code company_not_active},
 * and {@code company_service_unavailable} (503) for everything that means "cannot tell right now". Connect and read
 * timeouts are the REST client's ({@code quarkus.rest-client.company-service.*-timeout}).
 */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CompanyApi api;
    private final ServiceTokens tokens;
    private final ApprovalConfig.CompanyService config;

    public CompanyDirectory(@RestClient CompanyApi api, ServiceTokens tokens, ApprovalConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.config = config.companyService();
    }

    /** The company as the caller may see it, read with the caller's own {@code Authorization} header. */
    public Uni<CompanyView> company(String companyId, String callerAuthorization) {
        return finish("read company " + companyId, withRetries(() -> api.company(companyId, callerAuthorization)));
    }

    /** The user's role in the company; empty when the user is not a member (or the company no longer exists). */
    public Uni<Optional<CompanyRole>> roleOf(String companyId, UUID userId) {
        Uni<Optional<CompanyRole>> lookup = withRetries(() -> tokens.authorization()
                .chain(authorization -> api.member(companyId, userId.toString(), authorization)))
                .map(member -> Optional.ofNullable(member.role()))
                .onFailure(CompanyDirectory::isNotFound).recoverWithItem(Optional.empty());
        return finish("look up " + userId + " in " + companyId, lookup);
    }

    /** Makes the user a member with this role. company-service keeps an existing membership as it is. */
    public Uni<Void> addMember(String companyId, UUID userId, CompanyRole role) {
        Uni<Void> add = withRetries(() -> tokens.authorization()
                .chain(authorization -> api.addMember(companyId, authorization, new AddMemberBody(userId, role))))
                .invoke(member -> LOG.infof("%s is now a member of %s (%s)", userId, companyId, member.role()))
                .replaceWithVoid();
        return finish("add " + userId + " to " + companyId, add);
    }

    private <T> Uni<T> withRetries(Supplier<Uni<? extends T>> call) {
        Uni<T> once = Uni.createFrom().deferred(call);
        if (config.maxRetries() == 0) {
            return once;
        }
        return once.onFailure(CompanyDirectory::mayPass)
                .invoke(failure -> LOG.debugf("company-service call failed, trying again: %s", describe(failure)))
                .onFailure(CompanyDirectory::mayPass).retry()
                .withBackOff(config.retryBackoff(), config.maxBackoff()).atMost(config.maxRetries());
    }

    /**
     * Translates failures and brings the result back to the caller's Vert.x context. The token cache (a fetch shared
     * by concurrent callers) and the retries' back-off may complete on another thread, while Hibernate Reactive
     * expects its session to be used from the context that opened it; approving calls this inside a transaction.
     */
    private static <T> Uni<T> finish(String what, Uni<T> call) {
        Uni<T> translated = call.onFailure().transform(failure -> translate(what, failure));
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return translated;
            }
            return translated.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }

    /** Worth another try: no answer at all, or a server-side failure. A 4xx answer will not change. */
    static boolean mayPass(Throwable failure) {
        if (failure instanceof CompanyServiceException answer) {
            return answer.status() >= 500;
        }
        if (failure instanceof WebApplicationException answer) {
            // auth-service's token endpoint answering.
            return answer.getResponse().getStatus() >= 500;
        }
        return !(failure instanceof ApiException);
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof CompanyServiceException answer && answer.status() == 404;
    }

    private static ApiException translate(String what, Throwable failure) {
        if (failure instanceof ApiException known) {
            return known;
        }
        if (failure instanceof CompanyServiceException answer) {
            if (answer.is(404, "company_not_found")) {
                return ApiException.notFound("company_not_found", "No company has this id.");
            }
            if (answer.is(409, "company_not_active")) {
                return ApiException.conflict("company_not_active", "Only an active company takes new members.");
            }
            if (answer.is(409, "user_deleted")) {
                return ApiException.conflict("requester_deleted", "The person who asked has deleted their account.");
            }
            // Anything else (401/403: our own credentials, an unexpected 4xx, 5xx after retries) is ours to fix,
            // not the client's.
            LOG.warnf("Could not %s: %s", what, answer.getMessage());
        } else {
            LOG.warnf("Could not %s, company-service did not answer: %s", what, describe(failure));
        }
        return new ApiException(Problem.of(503, "company_service_unavailable", "Service Unavailable",
                "Company memberships cannot be checked or changed right now. Try again shortly."), RETRY_AFTER);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
        return root == failure ? text : failure.getClass().getSimpleName() + " (" + text + ")";
    }
}
