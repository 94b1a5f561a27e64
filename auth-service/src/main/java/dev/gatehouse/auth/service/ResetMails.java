package dev.gatehouse.auth.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;

/** The two reset emails: one with a link to the reset page, one with a six-digit code. */
@ApplicationScoped
public class ResetMails {

    static final String SUBJECT = "Reset your Gatehouse password";
    static final String LOCK_SUBJECT = "Failed logins to your Gatehouse account";
    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
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

    /** To the owner of an account that failed logins just locked: when it opens again, and a way in meanwhile. */
    public Mail lockNotice(String token, OffsetDateTime lockedUntil) {
        String link = resetPageUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String until = LOCK_TIME.format(lockedUntil.withOffsetSameInstant(ZoneOffset.UTC));
        String intro = "Someone tried wrong passwords for the Gatehouse account of this address, so logins from new "
                + "devices are paused until " + until + ". Devices you signed in with before still work.";
        String text = intro + "\n\nIf it was not you, choose a new password within " + minutes(config.linkTtl())
                + " with this link:\n\n" + link + "\n\nThe link works once. If it was you, just wait and try again.\n";
        String html = "<p>" + Html.escape(intro) + "</p><p>If it was not you, <a href=\"" + Html.escape(link)
                + "\">choose a new password</a> (within " + minutes(config.linkTtl())
                + "; the link works once). If it was you, just wait and try again.</p>";
        return new Mail(LOCK_SUBJECT, text, html);
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
