package dev.gatehouse.auth.service;

/**
 * Where a request came from, as recorded on sessions and audit events, and the languages its sender reads
 * ({@code Accept-Language}, may be null), for messages to a person who has not chosen one.
 */
public record ClientInfo(String ipAddress, String userAgent, String acceptLanguage) {

    private static final int MAX_USER_AGENT = 500;
    private static final int MAX_ACCEPT_LANGUAGE = 200;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        if (acceptLanguage != null && acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
            acceptLanguage = null;
        }
    }

    /** A request whose languages do not matter (nothing is written to the person). */
    public ClientInfo(String ipAddress, String userAgent) {
        this(ipAddress, userAgent, null);
    }
}
