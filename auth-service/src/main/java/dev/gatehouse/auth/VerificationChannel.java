package dev.gatehouse.auth;

import java.util.Locale;

/**
 * What a person proves they own: their phone number (by an SMS code) or their email address (by an emailed code or
 * link). Each channel knows the otp-service type and channel it asks for and the account flag it sets.
 */
public enum VerificationChannel {

    PHONE("SMS", "PHONE_VERIFICATION"),
    EMAIL("EMAIL", "EMAIL_VERIFICATION");

    private final String otpChannel;
    private final String otpType;

    VerificationChannel(String otpChannel, String otpType) {
        this.otpChannel = otpChannel;
        this.otpType = otpType;
    }

    /** {@code SMS} or {@code EMAIL}, as otp-service names it. */
    public String otpChannel() {
        return otpChannel;
    }

    /** The OtpType of otp-service. */
    public String otpType() {
        return otpType;
    }

    /** Where the account's code goes now. */
    public String destinationOf(User user) {
        return this == PHONE ? user.phoneNumber : user.email;
    }

    public boolean isVerified(User user) {
        return this == PHONE ? user.phoneVerified : user.emailVerified;
    }

    public void markVerified(User user) {
        if (this == PHONE) {
            user.phoneVerified = true;
        } else {
            user.emailVerified = true;
        }
    }

    /**
     * Whether a code sent to {@code sentTo} proves {@code current}. Email addresses are compared as otp-service and
     * the users index see them (case-insensitively); phone numbers are E.164 on both sides.
     */
    public boolean sameDestination(String sentTo, String current) {
        if (sentTo == null || current == null) {
            return false;
        }
        return this == PHONE ? sentTo.strip().equals(current)
                : sentTo.strip().toLowerCase(Locale.ROOT).equals(current.toLowerCase(Locale.ROOT));
    }

    /** The lower-case word used in paths, messages and audit events. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
