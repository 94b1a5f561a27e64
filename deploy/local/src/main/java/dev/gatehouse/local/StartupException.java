package dev.gatehouse.local;

/** A start that cannot go on; its message is meant for the person at the terminal, without a stack trace. */
final class StartupException extends Exception {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
