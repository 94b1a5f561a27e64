package dev.gatehouse.otp.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.otp.OtpType;
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

    public Email email(OtpType type, String code) {
        Wording wording = wording(type);
        String expiry = describe(ttl);
        String text = "Your Gatehouse " + wording.name() + "code is:\n\n    " + code + "\n\n"
                + "Enter it " + wording.purpose() + ". It expires in " + expiry + ".\n\n"
                + wording.ifNotYou() + "\n\n-- \nGatehouse\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Your Gatehouse " + wording.name() + "code is:</p>"
                + "<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px\">" + code + "</p>"
                + "<p>Enter it " + wording.purpose() + ". It expires in " + expiry + ".</p>"
                + "<p style=\"color:#666\">" + wording.ifNotYou() + "</p>"
                + "</body></html>";
        return new Email(wording.subject(), text, html);
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
