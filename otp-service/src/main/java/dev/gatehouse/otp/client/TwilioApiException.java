package dev.gatehouse.otp.client;

/** A non-2xx answer of Twilio's API, with Twilio's own error code when it sent one. */
class TwilioApiException extends RuntimeException {

    private final int status;
    private final Integer code;
    private final String retryAfter;

    TwilioApiException(int status, Integer code, String message, String retryAfter) {
        super("Twilio answered " + status + (code == null ? "" : " (error " + code + ")")
                + (message == null ? "" : ": " + message), null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Integer code() {
        return code;
    }

    String retryAfter() {
        return retryAfter;
    }
}
