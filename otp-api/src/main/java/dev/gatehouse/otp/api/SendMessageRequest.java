package dev.gatehouse.otp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message another service wrote itself, e.g. a password-reset mail with a link to its own page.
 *
 * @param channel {@code EMAIL}; {@code SMS} is refused for now
 * @param to an email address
 * @param subject one line
 * @param text the plain-text body
 * @param html an optional HTML body, sent as the alternative to {@code text}
 */
public record SendMessageRequest(
        @NotNull OtpChannel channel,
        @NotBlank @Size(max = 320) String to,
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String subject,
        @NotBlank @Size(max = 10_000) String text,
        @Size(max = 50_000) String html) {

    /** No control characters, CR and LF above all: they would end the Subject header and start another. */
    public static final String ONE_LINE = "^[^\\p{Cntrl}]*$";
    public static final String ONE_LINE_MESSAGE = "must be one line without control characters";
}
