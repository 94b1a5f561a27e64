package dev.gatehouse.auth.rest;

import org.jboss.resteasy.reactive.RestResponse;

import dev.gatehouse.auth.service.AuthTexts;
import dev.gatehouse.common.problem.ApiException;

/**
 * The page an emailed verification link opens: one self-contained HTML document, no script and no external assets,
 * that says whether the address is now confirmed and, if not, why and what to do.
 * <p>
 * Status codes tell machines the same: 200 confirmed; 400 a link that never was valid; 409 a link for an address
 * the account no longer has; 410 a link that was valid once (expired, replaced, used, locked); 503 when the code
 * cannot be checked right now. The token is in the URL, so the page is never cached and sends no Referer.
 */
final class EmailVerificationPage {

    private EmailVerificationPage() {
    }

    static RestResponse<String> confirmed(String email, String lang) {
        AuthTexts texts = PageResponses.texts(lang);
        return page(200, lang, "ok", texts.evConfirmedTitle(), texts.evConfirmed(email), texts.evConfirmedHint());
    }

    /** The page for a refusal of the link, chosen by the problem's stable code. */
    static RestResponse<String> refused(ApiException refusal, String lang) {
        AuthTexts texts = PageResponses.texts(lang);
        String code = refusal.problem().code();
        return switch (code) {
            case "otp_expired" -> failed(410, lang, texts.evExpired(), texts.evExpiredHint());
            case "otp_revoked" -> failed(410, lang, texts.evRevoked(), texts.evRevokedHint());
            case "otp_used" -> failed(410, lang, texts.evUsed(), texts.evUsedHint());
            case "otp_locked" -> failed(410, lang, texts.evLocked(), texts.evLockedHint());
            case "destination_changed" -> failed(409, lang, texts.evChanged(), texts.evChangedHint());
            case "otp_service_unavailable" -> failed(503, lang, texts.evUnavailable(), texts.evUnavailableHint());
            default -> refusal.problem().status() >= 500
                    ? failed(503, lang, texts.evUnavailable(), texts.evUnavailableHint())
                    : failed(400, lang, texts.evInvalid(), texts.evInvalidHint());
        };
    }

    /** Something this page did not expect; the error id is also in the log. */
    static RestResponse<String> broken(String errorId, String lang) {
        AuthTexts texts = PageResponses.texts(lang);
        return failed(500, lang, texts.evBroken(), texts.evBrokenHint(errorId));
    }

    private static RestResponse<String> failed(int status, String lang, String headline, String hint) {
        return page(status, lang, "fail", PageResponses.texts(lang).evNotConfirmedTitle(), headline, hint);
    }

    private static RestResponse<String> page(int status, String lang, String tone, String title, String message,
            String hint) {
        String nonce = PageResponses.nonce();
        return PageResponses.respond(status, lang,
                PageResponses.Templates.emailVerification(lang, nonce, title, tone, message, hint),
                "default-src 'none'; style-src 'nonce-" + nonce + "'; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'");
    }
}
