package dev.gatehouse.otp.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.config.OtpConfig;

/**
 * The words around a code, per type. English only for now: a {@code locale} is stored with the code so other
 * languages can be added here without changing the API.
 */
@ApplicationScoped
public class OtpMessages {

    /** A text message. */
    public record Sms(String body) {
    }

    /** An email with a plain-text and an HTML body. */
    public record Email(String subject, String text, String html) {
    }

    private record Wording(String name, String subject, String purpose, String ifNotYou) {
    }

    private final Duration ttl;

    public OtpMessages(OtpConfig config) {
        this.ttl = config.ttl();
    }

    /** Kept within one 160-character SMS segment. */
    public Sms sms(OtpType type, String code) {
        Wording wording = wording(type);
        String body = "Your Gatehouse " + wording.name() + "code is " + code + ". It expires in " + describe(ttl)
                + ".";
        if (type == OtpType.PASSWORD_RESET || type == OtpType.LOGIN) {
            body += " Never share it with anyone.";
        }
        return new Sms(body);
    }

    /**
     * @param link the caller's link with this code's token, or {@code null}; it goes next to the code, which still
     *        works on its own (a person may read the mail on another device than the one waiting for the code)
     */
    public Email email(OtpType type, String code, String link) {
        Wording wording = wording(type);
        String expiry = describe(ttl);
        StringBuilder text = new StringBuilder("Your Gatehouse " + wording.name() + "code is:\n\n    " + code + "\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Your Gatehouse " + wording.name() + "code is:</p>"
                + "<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px\">" + code + "</p>");
        if (link == null) {
            text.append("Enter it ").append(wording.purpose()).append(". It expires in ").append(expiry).append(".\n\n");
            html.append("<p>Enter it ").append(wording.purpose()).append(". It expires in ").append(expiry)
                    .append(".</p>");
        } else {
            String href = escapeHtml(link);
            text.append("Enter it ").append(wording.purpose()).append(", or open this link:\n\n    ").append(link)
                    .append("\n\nThe code and the link expire in ").append(expiry).append(".\n\n");
            html.append("<p>Enter it ").append(wording.purpose()).append(", or open this link:</p>")
                    .append("<p><a href=\"").append(href).append("\">").append(href).append("</a></p>")
                    .append("<p>The code and the link expire in ").append(expiry).append(".</p>");
        }
        text.append(wording.ifNotYou()).append("\n\n-- \nGatehouse\n");
        html.append("<p style=\"color:#666\">").append(wording.ifNotYou()).append("</p></body></html>");
        return new Email(wording.subject(), text.toString(), html.toString());
    }

    /**
     * The link comes from the caller: an {@code &} in its query must not start an entity, and a quote must not end
     * the attribute.
     */
    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Wording wording(OtpType type) {
        return switch (type) {
            case PHONE_VERIFICATION -> new Wording("", "Your Gatehouse verification code",
                    "to confirm your phone number", "If you did not ask for this code, you can ignore this message.");
            case EMAIL_VERIFICATION -> new Wording("verification ", "Confirm your email address for Gatehouse",
                    "to confirm this email address",
                    "If you did not create a Gatehouse account, you can ignore this email.");
            case PASSWORD_RESET -> new Wording("password reset ", "Your Gatehouse password reset code",
                    "to choose a new password",
                    "If you did not ask to reset your password, ignore this email: your password stays as it is.");
            case LOGIN -> new Wording("sign-in ", "Your Gatehouse sign-in code", "to finish signing in",
                    "If you are not signing in right now, someone else may know your password: change it.");
            case COMPANY_VERIFICATION -> new Wording("company verification ",
                    "Your Gatehouse company verification code", "to confirm your company's contact details",
                    "If you did not register a company on Gatehouse, you can ignore this message.");
        };
    }

    /** "10 minutes", "1 hour", "45 seconds": the largest whole unit. */
    static String describe(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
