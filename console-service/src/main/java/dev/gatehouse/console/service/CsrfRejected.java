package dev.gatehouse.console.service;

/** A form arrived without the token that the console put into it: refused before anything is done. */
public class CsrfRejected extends RuntimeException {

    public CsrfRejected() {
        super("The form's CSRF token is missing or wrong", null, false, false);
    }
}
