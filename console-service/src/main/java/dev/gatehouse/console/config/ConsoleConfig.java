package dev.gatehouse.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the console keeps its browser sessions. */
@ConfigMapping(prefix = "gatehouse.console")
public interface ConsoleConfig {

    /**
     * Whether the session cookie carries {@code Secure}. True everywhere the console is served over HTTPS; only the
     * plain-HTTP local run turns it off.
     */
    @WithDefault("true")
    boolean secureCookie();

    /** The session cookie's name. */
    @WithDefault("gatehouse_console")
    String cookieName();

    /** How long before an access token expires the console refreshes it, so a call never starts with a dying token. */
    @WithDefault("PT30S")
    Duration refreshAhead();

    /** How long one request may hold the right to refresh a session's tokens before another may take it over. */
    @WithDefault("PT10S")
    Duration refreshClaim();
}
