package dev.gatehouse.otp.api;

/**
 * Where a code is in its life (seed 000's OtpStatus). Only {@link #PENDING} can change; the others are final.
 */
public enum OtpStatus {
    /** Sent and still accepted until it expires. */
    PENDING,
    /** The right code was presented once; it is never accepted again. */
    VERIFIED,
    /** Its time ran out before it was used. */
    EXPIRED,
    /** Superseded by a newer code, cancelled by the caller, or never delivered. */
    REVOKED,
    /** Every allowed attempt was spent on wrong codes. */
    LOCKED
}
