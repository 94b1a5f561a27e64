package dev.gatehouse.company.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.common.client.Deadline;
import dev.gatehouse.common.client.PeerUnavailableException;
import dev.gatehouse.common.client.RemoteProblems;
import dev.gatehouse.otp.api.CreateOtpRequest;
import dev.gatehouse.otp.api.OtpApi;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.api.VerifyOtpRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Sends and checks the SMS code that proves a company owns its phone number. Calls carry this service's own token
 * (client credentials, fetched, cached and renewed by the OIDC client filter registered for {@code otp-service});
 * otp-service's answers about the code (wrong, expired, locked, rate-limited) reach the caller unchanged.
 * <p>
 * Neither call is retried: a second create would send a second SMS, a second verify would spend a second attempt.
 * Each has a timeout and a circuit breaker, which opens when most recent calls found otp-service unavailable; while
 * it is open, and on a timeout, the caller gets 503 {@code otp_service_unavailable} with
 * Retry-After at once instead of waiting. Limits can be tuned per method with the MicroProfile Fault Tolerance keys,
 * e.g. {@code dev.gatehouse.company.client.OtpGateway/sendCompanyCode/Timeout/value}.
 */
@ApplicationScoped
public class OtpGateway {

    /** The breakers' names, for metrics and for tests that look at their state. */
    public static final String SEND_BREAKER = "otp-service-send";
    public static final String VERIFY_BREAKER = "otp-service-verify";
    static final String SERVICE = "otp-service";
    static final String UNAVAILABLE = "otp_service_unavailable";

    /**
     * How long a caller waits for each call; sent along as the call's {@link Deadline}, so otp-service never creates or
     * spends a code for a call this service already gave up on.
     */
    static final int SEND_TIMEOUT_SECONDS = 5;
    static final int VERIFY_TIMEOUT_SECONDS = 3;

    private final OtpApi otp;

    OtpGateway(@RestClient OtpApi otp) {
        this.otp = otp;
    }

    /**
     * Sends a company-verification code by SMS; answers the code's id. {@code clientIp} (may be {@code null}) is the
     * end user's address, which otp-service's per-IP SMS budget counts.
     */
    @Timeout(value = SEND_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(SEND_BREAKER)
    @Fallback(fallbackMethod = "sendUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<UUID> sendCompanyCode(UUID companyKey, String phoneNumber, String clientIp) {
        CreateOtpRequest request = new CreateOtpRequest(OtpType.COMPANY_VERIFICATION, OtpChannel.SMS, phoneNumber,
                companyKey, null, null, clientIp);
        return Uni.createFrom().deferred(() -> otp.create(Deadline.after(Duration.ofSeconds(SEND_TIMEOUT_SECONDS)), request))
                .map(created -> created.id())
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }

    /**
     * Checks a code. Answers the subject the code was issued for, which the caller compares with the company it
     * expects.
     */
    @Timeout(value = VERIFY_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(VERIFY_BREAKER)
    @Fallback(fallbackMethod = "verifyUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<UUID> verify(UUID otpId, String code) {
        return Uni.createFrom().deferred(() -> otp.verify(otpId,
                Deadline.after(Duration.ofSeconds(VERIFY_TIMEOUT_SECONDS)), new VerifyOtpRequest(code)))
                .map(verified -> verified.subjectId())
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }

    Uni<UUID> sendUnavailable(UUID companyKey, String phoneNumber, String clientIp) {
        return unavailable();
    }

    Uni<UUID> verifyUnavailable(UUID otpId, String code) {
        return unavailable();
    }

    private static Uni<UUID> unavailable() {
        return Uni.createFrom().failure(new PeerUnavailableException(SERVICE, UNAVAILABLE));
    }
}
