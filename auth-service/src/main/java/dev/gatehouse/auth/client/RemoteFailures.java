package dev.gatehouse.auth.client;

import jakarta.ws.rs.WebApplicationException;

/** Describes failed calls to other services for logs and the outbox, without their stack traces. */
final class RemoteFailures {

    private RemoteFailures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException answer && answer.getResponse() != null) {
            return "answered " + answer.getResponse().getStatus();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
