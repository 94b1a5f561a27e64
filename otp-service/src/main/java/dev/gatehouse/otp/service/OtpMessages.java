package dev.gatehouse.otp.service;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.config.OtpConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The words around a code, per type and language: Qute templates for the email bodies (the HTML one escapes what it
 * inserts, the caller's link included) and the {@link OtpTexts} bundle for every sentence. The language is the
 * code's stored {@code locale} when Gatehouse speaks it, else English.
 */
@ApplicationScoped
public class OtpMessages {

    /** The languages with a bundle; the first is the default. */
    static final List<String> LANGUAGES = List.of("en", "sw");

    /** A text message. */
    public record Sms(String body) {
    }

    /** An email with a plain-text and an HTML body. */
    public record Email(String subject, String text, String html) {
    }

    /** The sentences of one message, already in its language. */
    public record Wording(String subject, String intro, String enterIt, String enterItOrOpenLink, String bothExpire,
            String ifNotYou) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emailText(Wording wording, String code, String link);

        static native TemplateInstance emailHtml(Wording wording, String code, String link, String lang);
    }

    private final Duration ttl;

    public OtpMessages(OtpConfig config) {
        this.ttl = config.ttl();
    }

    /** Kept within one SMS segment in English. */
    public Sms sms(OtpType type, String code, String locale) {
        OtpTexts texts = texts(locale);
        String body = texts.sms(label(texts, type), code, describe(ttl, texts));
        if (type == OtpType.PASSWORD_RESET || type == OtpType.LOGIN) {
            body += " " + texts.neverShare();
        }
        return new Sms(body);
    }

    /**
     * @param link the caller's link with this code's token, or {@code null}; it goes next to the code, which still
     *        works on its own (a person may read the mail on another device than the one waiting for the code)
     */
    public Email email(OtpType type, String code, String link, String locale) {
        String language = language(locale);
        OtpTexts texts = texts(language);
        String expiry = describe(ttl, texts);
        String purpose = purpose(texts, type);
        Wording wording = new Wording(subject(texts, type), texts.intro(label(texts, type)),
                texts.enterIt(purpose, expiry), texts.enterItOrOpenLink(purpose), texts.bothExpire(expiry),
                ifNotYou(texts, type));
        return new Email(wording.subject(), Templates.emailText(wording, code, link).render(),
                Templates.emailHtml(wording, code, link, language).render());
    }

    /** The language of a stored BCP 47 tag ({@code sw-KE} speaks {@code sw}), when Gatehouse has it. */
    static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return LANGUAGES.get(0);
        }
        String language = Locale.forLanguageTag(locale).getLanguage();
        return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    private static OtpTexts texts(String locale) {
        return MessageBundles.get(OtpTexts.class, Localized.Literal.of(language(locale)));
    }

    private static String label(OtpTexts texts, OtpType type) {
        return switch (type) {
            case PHONE_VERIFICATION -> texts.labelPhoneVerification();
            case EMAIL_VERIFICATION -> texts.labelEmailVerification();
            case PASSWORD_RESET -> texts.labelPasswordReset();
            case LOGIN -> texts.labelLogin();
            case COMPANY_VERIFICATION -> texts.labelCompanyVerification();
        };
    }

    private static String subject(OtpTexts texts, OtpType type) {
        return switch (type) {
            case PHONE_VERIFICATION -> texts.subjectPhoneVerification();
            case EMAIL_VERIFICATION -> texts.subjectEmailVerification();
            case PASSWORD_RESET -> texts.subjectPasswordReset();
            case LOGIN -> texts.subjectLogin();
            case COMPANY_VERIFICATION -> texts.subjectCompanyVerification();
        };
    }

    private static String purpose(OtpTexts texts, OtpType type) {
        return switch (type) {
            case PHONE_VERIFICATION -> texts.purposePhoneVerification();
            case EMAIL_VERIFICATION -> texts.purposeEmailVerification();
            case PASSWORD_RESET -> texts.purposePasswordReset();
            case LOGIN -> texts.purposeLogin();
            case COMPANY_VERIFICATION -> texts.purposeCompanyVerification();
        };
    }

    private static String ifNotYou(OtpTexts texts, OtpType type) {
        return switch (type) {
            case PHONE_VERIFICATION -> texts.ifNotYouPhoneVerification();
            case EMAIL_VERIFICATION -> texts.ifNotYouEmailVerification();
            case PASSWORD_RESET -> texts.ifNotYouPasswordReset();
            case LOGIN -> texts.ifNotYouLogin();
            case COMPANY_VERIFICATION -> texts.ifNotYouCompanyVerification();
        };
    }

    /** "10 minutes", "1 hour", "45 seconds": the largest whole unit, in the message's language. */
    static String describe(Duration duration, OtpTexts texts) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds % 3600 == 0) {
            return texts.hours(seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return texts.minutes(seconds / 60);
        }
        return texts.seconds(seconds);
    }
}
