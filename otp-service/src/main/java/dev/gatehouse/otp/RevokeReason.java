package dev.gatehouse.otp;

/** Why a code was revoked; stored lower-case in {@code otps.revoke_reason}. */
public enum RevokeReason {
    /** A newer code was issued for the same destination and type. */
    SUPERSEDED("superseded"),
    /** The caller withdrew it (DELETE /otp/{id}). */
    CANCELLED("cancelled"),
    /** The provider did not take the message, so nobody holds this code. */
    DELIVERY_FAILED("delivery_failed");

    private final String column;

    RevokeReason(String column) {
        this.column = column;
    }

    /** The value stored in the database. */
    public String column() {
        return column;
    }
}
