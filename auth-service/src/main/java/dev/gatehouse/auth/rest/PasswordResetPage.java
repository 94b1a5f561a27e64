package dev.gatehouse.auth.rest;

import org.jboss.resteasy.reactive.RestResponse;

import dev.gatehouse.auth.service.PasswordResetService.LinkState;

/**
 * The page an emailed reset link opens: a self-contained HTML document (no external assets) whose form sets the
 * new password.
 * <p>
 * With JavaScript, a small inline script posts JSON to {@code POST /auth/password/reset} and shows the answer in
 * place (its sentences come from the page, in the page's language); without it, the form posts itself and the
 * server answers with the next page. The script and style run under a per-response nonce in a
 * Content-Security-Policy that allows nothing else.
 */
final class PasswordResetPage {

    /** What went wrong with a form posted without JavaScript. */
    enum FormError {
        RULE,
        MISMATCH
    }

    private PasswordResetPage() {
    }

    /** The form, optionally with what was wrong with the last try (a page posted without JavaScript). */
    static RestResponse<String> form(int status, String token, FormError error, String lang) {
        var texts = PageResponses.texts(lang);
        String message = error == null ? null : error == FormError.RULE ? texts.rpRule() : texts.rpMismatch();
        String nonce = PageResponses.nonce();
        return PageResponses.respond(status, lang,
                PageResponses.Templates.resetForm(lang, nonce, texts.rpTitle(), "form", token, message),
                policy(nonce));
    }

    static RestResponse<String> changed(String lang) {
        String nonce = PageResponses.nonce();
        return PageResponses.respond(200, lang, PageResponses.Templates.resetChanged(lang, nonce,
                PageResponses.texts(lang).rpChangedTitle(), "ok"), policy(nonce));
    }

    /** A link that cannot be used: 410 for one that worked once (expired or used), 400 for one that never did. */
    static RestResponse<String> unusable(LinkState state, String lang) {
        var texts = PageResponses.texts(lang);
        String message = switch (state) {
            case EXPIRED -> texts.rpExpired();
            case USED -> texts.rpUsed();
            default -> texts.rpInvalid();
        };
        int status = state == LinkState.EXPIRED || state == LinkState.USED ? 410 : 400;
        String nonce = PageResponses.nonce();
        return PageResponses.respond(status, lang, PageResponses.Templates.resetUnusable(lang, nonce,
                texts.rpUnusableTitle(), "fail", message), policy(nonce));
    }

    private static String policy(String nonce) {
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }
}
