package dev.gatehouse.otp.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.security.LinkToken;

/**
 * The caller's link template for emailed codes: checked once when the code is requested, expanded for every message
 * (a resend sends a link with its new code).
 */
public final class EmailLinks {

    public static final String PLACEHOLDER = "{token}";
    private static final String FIELD = "linkTemplate";

    private EmailLinks() {
    }

    /**
     * Refuses a template that is not an absolute http(s) URL with {@code {token}} exactly once, after the host.
     * The link lands in a mail that claims to come from Gatehouse, so it must at least be a web address, and a
     * token in the host part would be sent to whatever server its characters happen to name.
     */
    public static void check(OtpChannel channel, String template) {
        if (template == null) {
            return;
        }
        if (channel != OtpChannel.EMAIL) {
            throw ApiException.invalidField(FIELD, "is only allowed with channel EMAIL");
        }
        int at = template.indexOf(PLACEHOLDER);
        if (at < 0 || template.indexOf(PLACEHOLDER, at + 1) >= 0) {
            throw ApiException.invalidField(FIELD, "must contain " + PLACEHOLDER + " exactly once");
        }
        // Braces are not legal in a URI, so the placeholder stands in as a plain character while parsing.
        URI uri;
        try {
            uri = new URI(template.replace(PLACEHOLDER, "t"));
        } catch (URISyntaxException notAUri) {
            throw notAWebAddress();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw notAWebAddress();
        }
        int pathStart = uri.getScheme().length() + "://".length() + uri.getRawAuthority().length();
        if (at < pathStart) {
            throw ApiException.invalidField(FIELD, "must have " + PLACEHOLDER + " in its path, query or fragment");
        }
    }

    /** The template with the token of this code in place of the placeholder. */
    public static String expand(String template, UUID otpId, String code) {
        return template.replace(PLACEHOLDER, LinkToken.of(otpId, code));
    }

    private static ApiException notAWebAddress() {
        return ApiException.invalidField(FIELD, "must be an absolute http or https URL");
    }
}
