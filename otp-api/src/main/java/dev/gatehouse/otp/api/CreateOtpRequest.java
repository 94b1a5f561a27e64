package dev.gatehouse.otp.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new one-time code: otp-service generates it, stores its hash and sends it.
 *
 * @param destination E.164 for SMS, an email address for EMAIL; checked against the channel by the service
 * @param subjectId the user or company the code is about, handed back on verification
 * @param locale BCP 47 language tag for the message, e.g. {@code en} or {@code sw-KE}
 * @param linkTemplate EMAIL only: an absolute http(s) URL with {@code {token}} once, e.g.
 *        {@code https://app.example/verify?token={token}}; the mail then carries the link next to the code
 * @param clientIp the end user's IP address as the calling service saw it; optional, counted by the per-IP SMS budget
 */
public record CreateOtpRequest(
        @NotNull OtpType type,
        @NotNull OtpChannel channel,
        @NotBlank @Size(max = 320) String destination,
        UUID subjectId,
        @Size(max = 35) @Pattern(regexp = LANGUAGE_TAG, message = LANGUAGE_TAG_MESSAGE) String locale,
        @Size(max = 500) String linkTemplate,
        @Size(max = 45) @Pattern(regexp = IP_ADDRESS, message = IP_ADDRESS_MESSAGE) String clientIp) {

    /** An IPv4 or IPv6 literal in its textual shape; the address is only a counting key, never dialled. */
    static final String IP_ADDRESS = "^(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$";
    static final String IP_ADDRESS_MESSAGE = "must be an IPv4 or IPv6 address";

    /** A BCP 47 language tag in its common shape: a language and optional subtags. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";
    public static final String LANGUAGE_TAG_MESSAGE = "must be a BCP 47 language tag such as en or sw-KE";
}
