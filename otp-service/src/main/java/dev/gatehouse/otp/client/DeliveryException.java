package dev.gatehouse.otp.client;

/**
 * A provider did not take a message. Its message is safe to store and log: it never contains the code or the text
 * that was sent.
 */
public class DeliveryException extends RuntimeException {

    private final String provider;
    private final String errorCode;
    private final boolean destinationRejected;

    public DeliveryException(String provider, String errorCode, String message, boolean destinationRejected,
            Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.errorCode = errorCode;
        this.destinationRejected = destinationRejected;
    }

    /** {@code twilio} or {@code smtp}. */
    public String provider() {
        return provider;
    }

    /** The provider's own error code (a Twilio error number, an SMTP reply code), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /**
     * The provider refused this destination itself (not a phone number, unsubscribed, a region it may not reach):
     * sending again will not help, unlike an outage.
     */
    public boolean destinationRejected() {
        return destinationRejected;
    }
}
