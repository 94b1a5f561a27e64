package dev.gatehouse.approval.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.common.client.CallerContext;
import dev.gatehouse.common.client.PeerUnavailableException;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.company.api.AddMemberRequest;
import dev.gatehouse.company.api.CompanyMembersApi;
import dev.gatehouse.company.api.MemberRole;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * What this service asks company-service: a company, a user's role in it, and adding a member.
 * <p>
 * Owns the tokens (the caller's own for reading a company, this service's own otherwise, through the OIDC client
 * filter registered for the {@code company-api} contract's {@link CompanyMembersApi}), the fault tolerance of each call and the
 * translation of company-service's
 * answers into this service's problems: {@code company_not_found}, {@code company_not_active}, and
 * {@code company_service_unavailable} (503 with Retry-After) for everything that means "cannot tell right now".
 * <p>
 * All three calls are idempotent (adding a member keeps an existing membership as it is), so a failure that may pass
 * (no answer, a timeout, a 5xx) is retried twice with exponential back-off. Each call has a timeout and a circuit
 * breaker; while a breaker is open the answer is the 503 at once, without calling company-service. A 4xx answer is
 * never retried and never counts against the breaker. Limits can be tuned with the MicroProfile Fault Tolerance keys,
 * e.g. {@code dev.gatehouse.approval.client.CompanyDirectory/guardedAddMember/Retry/maxRetries}.
 */
@ApplicationScoped
public class CompanyDirectory {

    public static final String READ_BREAKER = "company-service-read";
    public static final String ROLE_BREAKER = "company-service-role";
    public static final String ADD_MEMBER_BREAKER = "company-service-add-member";
    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class);

    private final CompanyApi api;
    private final CompanyMembersApi members;

    public CompanyDirectory(@RestClient CompanyApi api, @RestClient CompanyMembersApi members) {
        this.api = api;
        this.members = members;
    }

    /** The company as the caller may see it, read with the caller's own {@code Authorization} header. */
    public Uni<CompanyView> company(String companyId, String callerAuthorization) {
        return CallerContext.backOn(guardedCompany(companyId, callerAuthorization));
    }

    /** The user's role in the company; empty when the user is not a member (or the company no longer exists). */
    public Uni<Optional<CompanyRole>> roleOf(String companyId, UUID userId) {
        return CallerContext.backOn(guardedRoleOf(companyId, userId));
    }

    /** Makes the user a member with this role. company-service keeps an existing membership as it is. */
    public Uni<Void> addMember(String companyId, UUID userId, CompanyRole role) {
        return CallerContext.backOn(guardedAddMember(companyId, userId, role));
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 20, maxDuration = 15_000, retryOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(READ_BREAKER)
    @Fallback(fallbackMethod = "companyUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    Uni<CompanyView> guardedCompany(String companyId, String callerAuthorization) {
        return Uni.createFrom().deferred(() -> api.company(companyId, callerAuthorization))
                .onFailure().transform(failure -> translate("read company " + companyId, failure));
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 20, maxDuration = 15_000, retryOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(ROLE_BREAKER)
    @Fallback(fallbackMethod = "roleUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    Uni<Optional<CompanyRole>> guardedRoleOf(String companyId, UUID userId) {
        return Uni.createFrom().deferred(() -> members.member(companyId, userId.toString()))
                .map(member -> Optional.ofNullable(member.role()).map(role -> CompanyRole.valueOf(role.name())))
                .onFailure(CompanyDirectory::isNotFound).recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> translate("look up " + userId + " in " + companyId, failure));
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 20, maxDuration = 15_000, retryOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(ADD_MEMBER_BREAKER)
    @Fallback(fallbackMethod = "addMemberUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    Uni<Void> guardedAddMember(String companyId, UUID userId, CompanyRole role) {
        return Uni.createFrom().deferred(() -> members.addMember(companyId,
                new AddMemberRequest(userId, MemberRole.valueOf(role.name()))))
                .invoke(member -> LOG.infof("%s is now a member of %s (%s)", userId, companyId, member.role()))
                .replaceWithVoid()
                .onFailure().transform(failure -> translate("add " + userId + " to " + companyId, failure));
    }

    Uni<CompanyView> companyUnavailable(String companyId, String callerAuthorization) {
        return unavailable();
    }

    Uni<Optional<CompanyRole>> roleUnavailable(String companyId, UUID userId) {
        return unavailable();
    }

    Uni<Void> addMemberUnavailable(String companyId, UUID userId, CompanyRole role) {
        return unavailable();
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(new PeerUnavailableException("company-service", "company_service_unavailable"));
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof CompanyServiceException answer && answer.status() == 404;
    }

    /**
     * company-service's known answers become this service's problems; no answer, a 5xx, or a refusal of our own
     * credentials is a {@link PeerUnavailableException}, which is retried and counted by the breaker; any other 4xx
     * will not change on a retry and is answered 503 at once.
     */
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
            LOG.warnf("Could not %s: %s", what, answer.getMessage());
            if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 401 && answer.status() != 403) {
                return new ApiException(Problem.of(503, "company_service_unavailable", "Service Unavailable",
                        "Company memberships cannot be checked or changed right now. Try again shortly."),
                        PeerUnavailableException.RETRY_AFTER);
            }
        } else {
            LOG.warnf("Could not %s, company-service did not answer: %s", what, describe(failure));
        }
        return new PeerUnavailableException("company-service", "company_service_unavailable");
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
