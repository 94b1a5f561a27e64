package dev.gatehouse.console.service;

/** The request has no live console session, or its Gatehouse session has ended: the person signs in again. */
public class SignInRequired extends RuntimeException {

    private final boolean ended;

    public SignInRequired(boolean ended) {
        super(ended ? "The session has ended" : "Not signed in", null, false, false);
        this.ended = ended;
    }

    /** True when a session existed and ended (signed out elsewhere, revoked, expired), not when there was none. */
    public boolean ended() {
        return ended;
    }
}
