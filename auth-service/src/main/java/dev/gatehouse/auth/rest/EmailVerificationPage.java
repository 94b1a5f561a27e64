package dev.gatehouse.auth.rest;

import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.resteasy.reactive.RestResponse;

import dev.gatehouse.auth.service.Html;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String STYLE = "body{margin:0;padding:3rem 1rem;background:#f3f4f6;color:#1f2937;"
            + "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
            + "main{max-width:28rem;margin:0 auto;background:#fff;border-radius:.75rem;padding:2rem;"
            + "box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:1.35rem;margin:0 0 1rem}"
            + ".ok h1{color:#166534}.fail h1{color:#991b1b}p{margin:.5rem 0}.hint{color:#4b5563;font-size:.9rem}";

    private EmailVerificationPage() {
    }

    static RestResponse<String> confirmed(String email) {
        return page(200, "ok", "Email address confirmed",
                "Your email address " + email + " is confirmed.",
                "You can close this page and carry on in the app. Sign in again if it still shows the address as "
                        + "unconfirmed.");
    }

    /** The page for a refusal of the link, chosen by the problem's stable code. */
    static RestResponse<String> refused(ApiException refusal) {
        String code = refusal.problem().code();
        return switch (code) {
            case "otp_expired" -> failed(410, "This link has expired.",
                    "Ask for a new verification email from your account and use its link within a few minutes.");
            case "otp_revoked" -> failed(410, "This link was replaced by a newer one.",
                    "Use the link in the most recent verification email.");
            case "otp_used" -> failed(410, "This link has already been used.",
                    "If you used it, or typed its code, your address is already confirmed.");
            case "otp_locked" -> failed(410, "This link can no longer be used.",
                    "Its code was entered wrongly too many times. Ask for a new verification email.");
            case "destination_changed" -> failed(409, "This link is for an address your account no longer uses.",
                    "Ask for a new verification email; it goes to the address your account has now.");
            case "otp_service_unavailable" -> failed(503, "We cannot confirm addresses right now.",
                    "Nothing is wrong with your link. Open it again in a few minutes.");
            default -> refusal.problem().status() >= 500
                    ? failed(503, "We cannot confirm addresses right now.",
                            "Nothing is wrong with your link. Open it again in a few minutes.")
                    : failed(400, "This link is not valid.",
                            "It may be incomplete, or a newer verification email may have replaced it. Open the"
                                    + " whole link from the most recent email, or ask for a new one.");
        };
    }

    /** Something this page did not expect; the error id is also in the log. */
    static RestResponse<String> broken(String errorId) {
        return failed(500, "Something went wrong on our side.",
                "Try the link again in a few minutes. If it keeps failing, quote error id " + errorId + ".");
    }

    private static RestResponse<String> failed(int status, String headline, String hint) {
        return page(status, "fail", "Email address not confirmed", headline, hint);
    }

    /** Every piece of text is escaped: the address came from a person, and nothing here is trusted as markup. */
    private static RestResponse<String> page(int status, String tone, String title, String message, String hint) {
        String nonce = nonce();
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + Html.escape(title) + " - Gatehouse</title>"
                + "<style nonce=\"" + nonce + "\">" + STYLE + "</style></head>"
                + "<body><main class=\"" + tone + "\"><h1>" + Html.escape(title) + "</h1>"
                + "<p role=\"status\">" + Html.escape(message) + "</p>"
                + "<p class=\"hint\">" + Html.escape(hint) + "</p></main></body></html>";
        return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status), html)
                .type("text/html;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .build();
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
