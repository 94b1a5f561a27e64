package dev.gatehouse.auth.service;

import dev.gatehouse.common.problem.ApiException;

/** The answers about the signed-in person's own account that several services give alike. */
final class AccountProblems {

    private AccountProblems() {
    }

    /** The bearer token is valid, but its account was deleted since. */
    static ApiException gone() {
        return ApiException.unauthorized("unauthorized", "This account no longer exists.");
    }

    /** The password given to confirm a change is not the account's; a 403, as {@link PasswordConfirmation} says why. */
    static ApiException wrongPassword() {
        return ApiException.forbidden("invalid_credentials", "The password is wrong.");
    }
}
