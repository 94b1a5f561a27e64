package dev.gatehouse.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.auth.VerificationChannel;
import dev.gatehouse.common.client.Deadline;
import dev.gatehouse.common.client.PeerUnavailableException;
import dev.gatehouse.common.client.RemoteProblems;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.otp.api.CreateOtpRequest;
import dev.gatehouse.otp.api.OtpApi;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.api.VerifyOtpRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Sends and checks the codes that prove a person's phone number and email address, with auth-service's own service
 * token.
 * <p>
 * otp-service's answers about a code (wrong, expired, replaced, locked, used) reach the caller unchanged, with their
 * extra members such as {@code remainingAttempts}. Two answers are translated: the resend cooldown ({@code 429
 * rate_limited, limit: resend_cooldown}) becomes API.md's {@code 429 resend_too_soon} with the same Retry-After,
 * and a failed delivery stays a 502 {@code delivery_failed} (the provider failed, not otp-service). An unreachable
 * otp-service, or one that refuses our token, is a 503 with Retry-After. Nothing is retried: a second create would
 * send a second message, and a second verify would spend a second attempt. Each call has a timeout and a circuit
 * breaker that opens when most recent calls found otp-service unavailable; while it is open the answer is the same
 * 503 at once. Limits can be tuned with the MicroProfile Fault Tolerance keys, e.g.
 * {@code dev.gatehouse.auth.client.OtpGateway/send/Timeout/value}.
 */
@ApplicationScoped
public class OtpGateway {

    private static final String SERVICE = "otp-service";
    private static final String UNAVAILABLE = "otp_service_unavailable";

    public static final String SEND_BREAKER = "otp-service-send";
    public static final String VERIFY_BREAKER = "otp-service-verify";

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

    /** What otp-service answered for a new code. */
    public record Sent(UUID otpId, Instant expiresAt, Instant resendAvailableAt) {
    }

    /** What otp-service answered for a correct code: who and where it was issued for. */
    public record Verified(UUID subjectId, String destination, String type) {
    }

    /**
     * Sends a verification code for {@code subjectId} to {@code destination}. {@code linkTemplate} (email only) is
     * an absolute URL with {@code {token}}, which otp-service fills with base64url("otpId.code"); {@code locale} is the
     * language of its text. {@code clientIp}
     * (may be {@code null}) is the end user's address, which otp-service's per-IP SMS budget counts.
     */
    @Timeout(value = SEND_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(SEND_BREAKER)
    @Fallback(fallbackMethod = "sendUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<Sent> send(VerificationChannel channel, UUID subjectId, String destination, String linkTemplate,
            String clientIp, String locale) {
        CreateOtpRequest request = new CreateOtpRequest(OtpType.valueOf(channel.otpType()),
                OtpChannel.valueOf(channel.otpChannel()), destination, subjectId, locale, linkTemplate, clientIp);
        return Uni.createFrom().deferred(() -> otp.create(Deadline.after(Duration.ofSeconds(SEND_TIMEOUT_SECONDS)), request))
                .map(created -> new Sent(created.id(), created.expiresAt(), created.resendAvailableAt()))
                .onFailure().transform(OtpGateway::translate);
    }

    @Timeout(value = VERIFY_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            PeerUnavailableException.class, TimeoutException.class })
    @CircuitBreakerName(VERIFY_BREAKER)
    @Fallback(fallbackMethod = "verifyUnavailable", applyOn = { TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<Verified> verify(UUID otpId, String code) {
        return Uni.createFrom().deferred(() -> otp.verify(otpId,
                Deadline.after(Duration.ofSeconds(VERIFY_TIMEOUT_SECONDS)), new VerifyOtpRequest(code)))
                .map(verified -> new Verified(verified.subjectId(), verified.destination(),
                        verified.type() == null ? null : verified.type().name()))
                .onFailure().transform(OtpGateway::translate);
    }

    Uni<Sent> sendUnavailable(VerificationChannel channel, UUID subjectId, String destination, String linkTemplate,
            String clientIp, String locale) {
        return Uni.createFrom().failure(new PeerUnavailableException(SERVICE, UNAVAILABLE));
    }

    Uni<Verified> verifyUnavailable(UUID otpId, String code) {
        return Uni.createFrom().failure(new PeerUnavailableException(SERVICE, UNAVAILABLE));
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 502) {
            return new ApiException(Problem.of(502, "delivery_failed", "Bad Gateway",
                    "The code could not be delivered; no code was issued. Try again later."));
        }
        Throwable translated = RemoteProblems.translate(failure, SERVICE, UNAVAILABLE);
        if (translated instanceof ApiException api && isResendCooldown(api.problem())) {
            return ApiException.tooManyRequests("resend_too_soon",
                    "A code was sent moments ago; wait before asking for another one.", api.retryAfter());
        }
        return translated;
    }

    private static boolean isResendCooldown(Problem problem) {
        return problem.status() == 429 && ("resend_too_soon".equals(problem.code())
                || "rate_limited".equals(problem.code()) && "resend_cooldown".equals(problem.extensions().get("limit")));
    }

}
