package dev.gatehouse.auth.rest;

import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.resteasy.reactive.RestResponse;

import dev.gatehouse.auth.rest.dto.Patterns;
import dev.gatehouse.auth.service.Html;
import dev.gatehouse.auth.service.PasswordResetService.LinkState;

/**
 * The page an emailed reset link opens: a self-contained HTML document (no external assets) whose form sets the
 * new password.
 * <p>
 * With JavaScript, a small inline script posts JSON to {@code POST /auth/password/reset} and shows the answer in
 * place; without it, the form posts itself and the server answers with the next page. The script and style run
 * under a per-response nonce in a Content-Security-Policy that allows nothing else. The token is in the URL, so the
 * page is never cached and sends no Referer anywhere.
 */
final class PasswordResetPage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1d2330;\
            margin:0;display:flex;justify-content:center;padding:3rem 1rem}\
            main{background:#fff;max-width:26rem;width:100%;padding:2rem;border-radius:.75rem;\
            box-shadow:0 1px 4px rgba(0,0,0,.12)}\
            h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;margin:1rem 0 .3rem;font-weight:600}\
            input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #b8bfcc;border-radius:.4rem;\
            font-size:1rem}\
            button{margin-top:1.4rem;width:100%;padding:.7rem;border:0;border-radius:.4rem;background:#2457c5;\
            color:#fff;font-size:1rem;cursor:pointer}button:disabled{opacity:.6}\
            .hint{color:#5b6475;font-size:.85rem;margin:.3rem 0 0}\
            .error{color:#a61b1b}.ok{color:#17703a}[hidden]{display:none}""";

    /** Posts JSON and shows the answer; textContent only, so nothing from the server is ever parsed as HTML. */
    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('reset-form');
              var status = document.getElementById('status');
              function show(text, isError) {
                status.textContent = text;
                status.className = isError ? 'error' : 'ok';
              }
              form.addEventListener('submit', function (event) {
                event.preventDefault();
                var password = form.elements.newPassword.value;
                if (password !== form.elements.confirmPassword.value) {
                  show('The two passwords do not match.', true);
                  return;
                }
                var button = form.querySelector('button');
                button.disabled = true;
                show('Saving...', false);
                fetch(window.location.pathname, {
                  method: 'POST',
                  credentials: 'omit',
                  headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                  body: JSON.stringify({ token: form.elements.token.value, newPassword: password })
                }).then(function (response) {
                  if (response.status === 204) {
                    form.hidden = true;
                    show('Your password has been changed. Every device that was signed in has been signed out; '
                        + 'sign in again with the new password.', false);
                    return;
                  }
                  return response.json().then(function (problem) {
                    var messages = (problem.errors || []).map(function (e) { return e.message; });
                    show(messages.length ? 'The new password ' + messages.join('; ') + '.'
                        : (problem.detail || 'The password could not be changed.'), true);
                    if (problem.code === 'reset_invalid') {
                      form.hidden = true;
                    }
                  });
                }).catch(function () {
                  show('The server could not be reached. Try again in a moment.', true);
                }).then(function () {
                  button.disabled = false;
                });
              });
            })();""";

    private PasswordResetPage() {
    }

    /** The form, optionally with what was wrong with the last try (a page posted without JavaScript). */
    static RestResponse<String> form(int status, String token, String error) {
        String nonce = nonce();
        String body = "<h1>Choose a new password</h1>"
                + "<form id=\"reset-form\" method=\"post\" autocomplete=\"off\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token) + "\">"
                + "<label for=\"newPassword\">New password</label>"
                + "<input id=\"newPassword\" name=\"newPassword\" type=\"password\" autocomplete=\"new-password\""
                + " required minlength=\"10\" maxlength=\"128\" autofocus>"
                + "<p class=\"hint\">" + Html.escape("It " + Patterns.PASSWORD_MESSAGE + ".") + "</p>"
                + "<label for=\"confirmPassword\">Repeat it</label>"
                + "<input id=\"confirmPassword\" name=\"confirmPassword\" type=\"password\""
                + " autocomplete=\"new-password\" required minlength=\"10\" maxlength=\"128\">"
                + "<button type=\"submit\">Set the new password</button></form>"
                + "<p id=\"status\" role=\"status\"" + (error == null ? ">" : " class=\"error\">" + Html.escape(error))
                + "</p>"
                + "<script nonce=\"" + nonce + "\">" + SCRIPT + "</script>";
        return respond(status, nonce, "Choose a new password", body);
    }

    static RestResponse<String> changed() {
        return respond(200, nonce(), "Password changed", "<h1>Password changed</h1><p class=\"ok\">Your password has"
                + " been changed. Every device that was signed in has been signed out; sign in again with the new"
                + " password.</p>");
    }

    /** A link that cannot be used: 410 for one that worked once (expired or used), 400 for one that never did. */
    static RestResponse<String> unusable(LinkState state) {
        String message = switch (state) {
            case EXPIRED -> "This reset link has expired.";
            case USED -> "This reset link has already been used.";
            default -> "This reset link is not valid. It may have been replaced by a newer one.";
        };
        int status = state == LinkState.EXPIRED || state == LinkState.USED ? 410 : 400;
        return respond(status, nonce(), "Reset link not usable", "<h1>Link not usable</h1><p class=\"error\">"
                + Html.escape(message) + "</p><p>Ask for a new password reset email and use the newest link.</p>");
    }

    private static RestResponse<String> respond(int status, String nonce, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + Html.escape(title) + " - Gatehouse</title>"
                + "<style nonce=\"" + nonce + "\">" + STYLE + "</style></head><body><main>" + body
                + "</main></body></html>";
        return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status), html)
                .type("text/html;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; "
                        + "style-src 'nonce-" + nonce + "'; connect-src 'self'; form-action 'self'; "
                        + "base-uri 'none'; frame-ancestors 'none'")
                .build();
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
