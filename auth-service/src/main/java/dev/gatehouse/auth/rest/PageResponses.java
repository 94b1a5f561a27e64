package dev.gatehouse.auth.rest;

import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.resteasy.reactive.RestResponse;

import dev.gatehouse.auth.service.AuthTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What auth-service's two pages share: their Qute templates (which escape everything they insert), the per-response
 * nonce, the headers, and the words in the page's language.
 */
final class PageResponses {

    private static final SecureRandom RANDOM = new SecureRandom();

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance emailVerification(String lang, String nonce, String title, String tone,
                String message, String hint);

        static native TemplateInstance resetForm(String lang, String nonce, String title, String tone, String token,
                String error);

        static native TemplateInstance resetChanged(String lang, String nonce, String title, String tone);

        static native TemplateInstance resetUnusable(String lang, String nonce, String title, String tone,
                String message);
    }

    private PageResponses() {
    }

    static AuthTexts texts(String lang) {
        return MessageBundles.get(AuthTexts.class, Localized.Literal.of(lang));
    }

    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The token is in the URL: never cached, no Referer anywhere, never framed. */
    static RestResponse<String> respond(int status, String lang, TemplateInstance page, String policy) {
        String html = page.setLocale(lang).render();
        return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status), html)
                .type("text/html;charset=utf-8")
                .header("Content-Language", lang)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", policy)
                .build();
    }
}
