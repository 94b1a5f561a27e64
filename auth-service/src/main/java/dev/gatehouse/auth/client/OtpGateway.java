package dev.gatehouse.auth.client;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.auth.VerificationChannel;
import dev.gatehouse.common.client.RemoteProblems;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Sends and checks the codes that prove a person's phone number and email address, with auth-service's own service
 * token.
 * <p>
 * otp-service's answers about a code (wrong, expired, replaced, locked, used) reach the caller unchanged, with their
 * extra members such as {@code remainingAttempts}. Two answers are translated: the resend cooldown ({@code 429
 * rate_limited, limit: resend_cooldown}) becomes API.md's {@code 429 resend_too_soon} with the same Retry-After,
 * and a failed delivery stays a 502 {@code delivery_failed} (the provider failed, not otp-service). An unreachable
 * otp-service, or one that refuses our token, is a 503. Nothing is retried: a second create would send a second
 * message, and a second verify would spend a second attempt.
 */
@ApplicationScoped
public class OtpGateway {

    private static final String SERVICE = "otp-service";
    private static final String UNAVAILABLE = "otp_service_unavailable";

    private final OtpApi otp;
    private final OwnServiceToken token;

    OtpGateway(@RestClient OtpApi otp, OwnServiceToken token) {
        this.otp = otp;
        this.token = token;
    }

    /** What otp-service answered for a new code. */
    public record Sent(UUID otpId, Instant expiresAt, Instant resendAvailableAt) {
    }

    /** What otp-service answered for a correct code: who and where it was issued for. */
    public record Verified(UUID subjectId, String destination, String type) {
    }

    /**
     * Sends a verification code for {@code subjectId} to {@code destination}. {@code linkTemplate} (email only) is
     * an absolute URL with {@code {token}}, which otp-service fills with base64url("otpId.code"). {@code clientIp}
     * (may be {@code null}) is the end user's address, which otp-service's per-IP SMS budget counts.
     */
    public Uni<Sent> send(VerificationChannel channel, UUID subjectId, String destination, String linkTemplate,
            String clientIp) {
        Map<String, Object> request = new HashMap<>();
        request.put("type", channel.otpType());
        request.put("channel", channel.otpChannel());
        request.put("destination", destination);
        request.put("subjectId", subjectId.toString());
        if (linkTemplate != null) {
            request.put("linkTemplate", linkTemplate);
        }
        if (clientIp != null) {
            request.put("clientIp", clientIp);
        }
        return Uni.createFrom().deferred(() -> otp.create(token.authorization(), request))
                .map(created -> new Sent(UUID.fromString(String.valueOf(created.get("id"))),
                        instant(created.get("expiresAt")), instant(created.get("resendAvailableAt"))))
                .onFailure().transform(OtpGateway::translate);
    }

    public Uni<Verified> verify(UUID otpId, String code) {
        return Uni.createFrom().deferred(() -> otp.verify(token.authorization(), otpId, Map.of("code", code)))
                .map(verified -> new Verified(uuid(verified.get("subjectId")), string(verified.get("destination")),
                        string(verified.get("type"))))
                .onFailure().transform(OtpGateway::translate);
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

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    private static UUID uuid(Object value) {
        try {
            return value == null ? null : UUID.fromString(value.toString());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
