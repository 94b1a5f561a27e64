package dev.gatehouse.console.rest.view;

import dev.gatehouse.console.ConsoleSession;

/**
 * What the frame of every page needs: the language, who is signed in, the form token and the one-time notice.
 *
 * @param path this page's path, where the language links come back to
 */
public record Chrome(String lang, String title, boolean signedIn, String email, boolean admin, String csrf,
        ConsoleSession.Flash flash, String path, String active) {
}
