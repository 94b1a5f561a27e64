package dev.gatehouse.otp.service;

import dev.gatehouse.common.problem.ApiException;

/**
 * The result of a transaction that may have to refuse the caller after recording why (a wrong guess counted, a
 * code marked expired). Throwing inside the transaction would roll that record back, so the refusal travels out as
 * a value and is raised once the transaction has committed.
 */
record Committed<T>(T value, ApiException refusal) {

    static <T> Committed<T> ok(T value) {
        return new Committed<>(value, null);
    }

    static <T> Committed<T> refused(ApiException refusal) {
        return new Committed<>(null, refusal);
    }

    T orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
