package dev.gatehouse.otp.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The token in an email link: {@code base64url("<otpId>.<code>")} without padding. It is no new secret, only the
 * code and its id in a form that survives any URL unescaped, so the caller who receives the click decodes it and
 * calls {@code POST /otp/{id}/verify} with the code: the attempts, expiry and lock rules stay the same for both ways
 * in. Like the code, it is only ever written into the mail: never stored, logged or returned.
 */
public final class LinkToken {

    private LinkToken() {
    }

    public static String of(UUID otpId, String code) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((otpId + "." + code).getBytes(StandardCharsets.US_ASCII));
    }
}
