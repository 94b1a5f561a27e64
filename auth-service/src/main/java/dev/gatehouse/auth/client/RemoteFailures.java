package dev.gatehouse.auth.client;

import jakarta.ws.rs.WebApplicationException;

/** Sorts failed calls to other services into those worth another try and those that will not change. */
final class RemoteFailures {

    private RemoteFailures() {
    }

    /** No answer at all, or a server-side failure; a 4xx answer will be the same next time. */
    static boolean mayPass(Throwable failure) {
        if (failure instanceof WebApplicationException answer && answer.getResponse() != null) {
            return answer.getResponse().getStatus() >= 500;
        }
        return true;
    }

    static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException answer && answer.getResponse() != null) {
            return "answered " + answer.getResponse().getStatus();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
