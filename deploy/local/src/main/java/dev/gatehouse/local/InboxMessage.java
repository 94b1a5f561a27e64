package dev.gatehouse.local;

import java.time.Instant;

/**
 * One SMS or email as the dev inbox shows it.
 *
 * @param channel {@code SMS} or {@code EMAIL}
 * @param to the destination it was sent to
 * @param subject the mail's subject; null for an SMS
 * @param text the SMS body, or the plain-text body of the mail
 * @param sentAt when the provider stub or the SMTP server received it
 */
public record InboxMessage(String channel, String to, String subject, String text, Instant sentAt) {

    public static final String SMS = "SMS";
    public static final String EMAIL = "EMAIL";
}
