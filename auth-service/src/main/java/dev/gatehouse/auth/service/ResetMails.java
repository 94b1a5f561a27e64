package dev.gatehouse.auth.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The two reset emails, from Qute templates and the {@link AuthTexts} bundle: one with a link to the reset page
 * (plain text and HTML), one with a six-digit code (plain text).
 */
@ApplicationScoped
public class ResetMails {

    /** The language of mails whose reader's language is not known. */
    static final String DEFAULT_LANGUAGE = MessageLanguage.DEFAULT;
    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @CheckedTemplate(basePath = "mails")
    static class Templates {
        static native TemplateInstance resetLinkText(String link, String minutes);

        static native TemplateInstance resetLinkHtml(String link, String minutes, String lang);

        static native TemplateInstance resetCodeText(String code, String minutes);

        static native TemplateInstance lockNoticeText(String link, String until, String minutes);

        static native TemplateInstance lockNoticeHtml(String link, String until, String minutes, String lang);
    }

    private final String resetPageUrl;
    private final AuthConfig.PasswordReset config;

    public ResetMails(AuthConfig config) {
        String base = config.publicBaseUrl();
        this.resetPageUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/auth/password/reset";
        this.config = config.passwordReset();
    }

    public Mail link(String token) {
        return link(token, DEFAULT_LANGUAGE);
    }

    public Mail link(String token, String lang) {
        String link = resetPageUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        AuthTexts texts = texts(lang);
        String minutes = texts.minutes(minutes(config.linkTtl()));
        return new Mail(texts.mailSubject(), Templates.resetLinkText(link, minutes).setLocale(lang).render(),
                Templates.resetLinkHtml(link, minutes, lang).setLocale(lang).render());
    }

    /** To the owner of an account that failed logins just locked: when it opens again, and a way in meanwhile. */
    public Mail lockNotice(String token, OffsetDateTime lockedUntil, String lang) {
        String link = resetPageUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String until = LOCK_TIME.format(lockedUntil.withOffsetSameInstant(ZoneOffset.UTC));
        AuthTexts texts = texts(lang);
        String minutes = texts.minutes(minutes(config.linkTtl()));
        String text = Templates.lockNoticeText(link, until, minutes).setLocale(lang).render();
        String html = Templates.lockNoticeHtml(link, until, minutes, lang).setLocale(lang).render();
        return new Mail(texts.lockSubject(), text, html);
    }

    public Mail code(String code) {
        return code(code, DEFAULT_LANGUAGE);
    }

    public Mail code(String code, String lang) {
        AuthTexts texts = texts(lang);
        String minutes = texts.minutes(minutes(config.codeTtl()));
        return new Mail(texts.mailSubject(), Templates.resetCodeText(code, minutes).setLocale(lang).render(), null);
    }

    private static AuthTexts texts(String lang) {
        return MessageBundles.get(AuthTexts.class, Localized.Literal.of(lang));
    }

    private static long minutes(Duration ttl) {
        return Math.max(1, ttl.toMinutes());
    }

    public record Mail(String subject, String text, String html) {
    }
}
