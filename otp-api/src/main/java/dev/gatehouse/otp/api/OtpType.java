package dev.gatehouse.otp.api;

/** What a code proves (seed 000's OtpType); it decides the wording of the message. */
public enum OtpType {
    PHONE_VERIFICATION,
    EMAIL_VERIFICATION,
    PASSWORD_RESET,
    LOGIN,
    COMPANY_VERIFICATION
}
