package dev.gatehouse.otp.api;

/** How a code travels to its destination. */
public enum OtpChannel {
    /** A text message to an E.164 phone number, through Twilio. */
    SMS,
    /** An email, through the configured SMTP relay. */
    EMAIL
}
