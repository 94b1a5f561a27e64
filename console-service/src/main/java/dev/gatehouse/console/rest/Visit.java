package dev.gatehouse.console.rest;

import java.util.Locale;

/**
 * One browser request as the console needs it.
 *
 * @param sessionCookie the session cookie's value, or null
 * @param preSessionCsrf the sign-in forms' CSRF cookie, or null
 * @param clientAddress the person's address as the trusted proxy reported it
 */
record Visit(Locale locale, String sessionCookie, String preSessionCsrf, String clientAddress, String userAgent) {
}
