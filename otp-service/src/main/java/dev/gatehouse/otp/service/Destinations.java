package dev.gatehouse.otp.service;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpType;

/** Checks that a destination suits its channel and writes it one way, so rate limits see one address as one. */
public final class Destinations {

    /** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. */
    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /**
     * One @, something on each side, a dot in the domain, no spaces or control characters (which could smuggle
     * headers into the mail). Whether the mailbox exists only the recipient's server can tell.
     */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+$");
    static final int MAX_EMAIL_LENGTH = 254;

    private Destinations() {
    }

    /** The destination as stored and rate-limited, or a 400 naming the {@code destination} field. */
    public static String normalize(OtpChannel channel, String destination) {
        return normalize(channel, destination, "destination");
    }

    /** As {@link #normalize(OtpChannel, String)}, for a request that calls its destination {@code field}. */
    public static String normalize(OtpChannel channel, String destination, String field) {
        String trimmed = destination.strip();
        return switch (channel) {
            case SMS -> {
                if (!E164.matcher(trimmed).matches()) {
                    throw ApiException.invalidField(field, "must be an E.164 phone number such as +254712345678");
                }
                yield trimmed;
            }
            case EMAIL -> {
                String email = trimmed.toLowerCase(Locale.ROOT);
                if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
                    throw ApiException.invalidField(field, "must be a valid email address");
                }
                yield email;
            }
        };
    }

    /** Phone and email verification prove the channel itself, so each has exactly one. */
    public static void checkChannelFits(OtpType type, OtpChannel channel) {
        if (type == OtpType.PHONE_VERIFICATION && channel != OtpChannel.SMS) {
            throw ApiException.invalidField("channel", "PHONE_VERIFICATION codes are sent by SMS");
        }
        if (type == OtpType.EMAIL_VERIFICATION && channel != OtpChannel.EMAIL) {
            throw ApiException.invalidField("channel", "EMAIL_VERIFICATION codes are sent by EMAIL");
        }
    }
}
