package dev.gatehouse.otp.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.otp.client.DeliveryException;

/** The refusals of otp-service (codes and messages), with the codes of API.md. */
final class OtpProblems {

    private OtpProblems() {
    }

    static ApiException notFound() {
        return ApiException.notFound("otp_not_found", "No such one-time code.");
    }

    static ApiException used() {
        return ApiException.conflict("otp_used", "This code has already been used.");
    }

    static ApiException expired() {
        return ApiException.gone("otp_expired", "This code has expired; request a new one.");
    }

    /** Revoked codes are gone for good, like expired ones; the code tells the two apart. */
    static ApiException revoked() {
        return ApiException.gone("otp_revoked", "This code was replaced or withdrawn; use the newest one.");
    }

    static ApiException locked() {
        return ApiException.locked("otp_locked", "Too many wrong codes; request a new one.");
    }

    /** The destination and type had too many wrong codes across all their codes; no code is checked until then. */
    static ApiException destinationLocked(Duration retryAfter) {
        return new ApiException(Problem.of(423, "otp_locked", "Locked",
                "Too many wrong codes for this destination; try again later."), retryAfter);
    }

    /** A new code while the destination and type are locked: it could not be checked, so it is not sent. */
    static ApiException destinationLockedForCodes(Duration retryAfter) {
        return RateLimiter.rateLimited("Too many wrong codes for this destination; try again later.", retryAfter,
                "destination_locked");
    }

    static ApiException invalid(int remainingAttempts) {
        return ApiException.unprocessable("otp_invalid", "The code is not correct.",
                Map.of("remainingAttempts", remainingAttempts));
    }

    static ApiException resendTooSoon(Duration retryAfter) {
        return ApiException.tooManyRequests("resend_too_soon", "A code was sent moments ago; wait before resending.",
                retryAfter);
    }

    static ApiException cooldown(Duration retryAfter) {
        return RateLimiter.rateLimited("A code was sent to this destination moments ago; wait before asking again.",
                retryAfter, "resend_cooldown");
    }

    /**
     * The provider refused or failed; the code was revoked, so no live code exists that nobody received. A refused
     * destination is the caller's input (422); anything else is our upstream failing (502).
     */
    static ApiException deliveryFailed(DeliveryException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("provider", failure.provider());
        if (failure.errorCode() != null) {
            extensions.put("providerCode", failure.errorCode());
        }
        if (failure.destinationRejected()) {
            return new ApiException(Problem.of(422, "destination_rejected", "Unprocessable Content",
                    "The provider refused to deliver to this destination; no code was issued.")
                    .withExtensions(extensions));
        }
        return new ApiException(Problem.of(502, "delivery_failed", "Bad Gateway",
                "The code could not be delivered; no code was issued. Try again later.").withExtensions(extensions));
    }

    /** A transactional message the provider did not take: always 502, the caller may try again later. */
    static ApiException messageNotDelivered(DeliveryException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("provider", failure.provider());
        if (failure.errorCode() != null) {
            extensions.put("providerCode", failure.errorCode());
        }
        return new ApiException(Problem.of(502, "delivery_failed", "Bad Gateway",
                "The message could not be delivered. Try again later.").withExtensions(extensions));
    }
}
