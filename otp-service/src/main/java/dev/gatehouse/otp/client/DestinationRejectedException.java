package dev.gatehouse.otp.client;

/**
 * The provider refused this destination itself (not a phone number, unsubscribed, a region it may not reach). It is
 * about the caller's input, not the provider's health: circuit breakers do not count it.
 */
public class DestinationRejectedException extends DeliveryException {

    public DestinationRejectedException(String provider, String errorCode, String message) {
        super(provider, errorCode, message, true, null);
    }
}
