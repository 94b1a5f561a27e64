package dev.gatehouse.auth.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;

/** The two reset emails: one with a link to the reset page, one with a six-digit code. */
@ApplicationScoped
public class ResetMails {

    static final String SUBJECT = "Reset your Gatehouse password";
    private static final String IGNORE = "If you did not ask for this, ignore this email: your password stays as it is.";

    private final String resetPageUrl;
    private final AuthConfig.PasswordReset config;

    public ResetMails(AuthConfig config) {
        String base = config.publicBaseUrl();
        this.resetPageUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/auth/password/reset";
        this.config = config.passwordReset();
    }

    public Mail link(String token) {
        String link = resetPageUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String minutes = minutes(config.linkTtl());
        String text = "Someone asked to reset the password of the Gatehouse account for this address.\n\n"
                + "Open this link within " + minutes + " to choose a new password:\n\n" + link + "\n\n"
                + "The link works once. " + IGNORE + "\n";
        String html = "<p>Someone asked to reset the password of the Gatehouse account for this address.</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Choose a new password</a> (within " + minutes
                + "; the link works once).</p><p>" + Html.escape(IGNORE) + "</p>";
        return new Mail(SUBJECT, text, html);
    }

    public Mail code(String code) {
        String text = "Your Gatehouse password reset code is " + code + ".\n\n"
                + "Enter it within " + minutes(config.codeTtl()) + " together with your new password. " + IGNORE
                + "\n";
        return new Mail(SUBJECT, text, null);
    }

    private static String minutes(Duration ttl) {
        long minutes = Math.max(1, ttl.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    public record Mail(String subject, String text, String html) {
    }
}
