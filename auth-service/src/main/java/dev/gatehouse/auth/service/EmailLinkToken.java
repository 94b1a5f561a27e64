package dev.gatehouse.auth.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.gatehouse.common.problem.ApiException;

/**
 * The {@code token} of an emailed verification link: otp-service writes base64url-without-padding of
 * {@code "<otpId>.<code>"}, so the link alone names the code and proves it.
 */
public record EmailLinkToken(UUID otpId, String code) {

    /** Longer than any token otp-service writes (a UUID, a dot and a code of at most ten characters). */
    private static final int MAX_LENGTH = 100;
    private static final int MAX_CODE_LENGTH = 20;

    /** The token's parts, or 400 {@code link_invalid} for anything that is not one. */
    public static EmailLinkToken parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            int dot = decoded.indexOf('.');
            String code = dot < 0 ? "" : decoded.substring(dot + 1);
            if (dot < 0 || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
                throw invalid();
            }
            return new EmailLinkToken(UUID.fromString(decoded.substring(0, dot)), code);
        } catch (IllegalArgumentException notBase64OrNotAUuid) {
            throw invalid();
        }
    }

    static ApiException invalid() {
        return ApiException.badRequest("link_invalid", "This verification link is not valid.");
    }
}
