package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Emailed codes may carry the caller's link with a token that is the id and the code. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class EmailLinkTest {

    private static final String VERIFY_PAGE = "https://app.example.com/verify-email?source=mail&token=";

    @Inject
    Database database;

    @Test
    void theMailCarriesALinkWhoseTokenVerifiesTheCode() {
        String address = Otps.uniqueEmail();
        String template = VERIFY_PAGE + "{token}";
        Response created = Otps.createWithLink("EMAIL_VERIFICATION", "EMAIL", address, template);
        created.then().statusCode(201);
        String id = created.path("id");
        // The token travels in the mail only: the answer has exactly the fields it had before links existed.
        assertEquals(Set.of("id", "expiresAt", "resendAvailableAt"), created.jsonPath().getMap("$").keySet());

        MimeMessage mail = Otps.lastEmail(address);
        String text = MailServer.part(mail, "text/plain");
        String code = Otps.codeIn(text);
        String token = tokenIn(text, VERIFY_PAGE);
        assertTrue(text.contains("or open this link"), text);
        assertTrue(text.contains("The code and the link expire in 10 minutes."), text);
        // In HTML the & of the caller's query is an entity, or it would start one.
        String html = MailServer.part(mail, "text/html");
        assertTrue(html.contains("href=\"https://app.example.com/verify-email?source=mail&amp;token=" + token + "\""),
                html);

        assertEquals(id + "." + code, decode(token));
        assertEquals(template, database.otp(id).get("link_template"));
        assertFalse(Otps.asService().get("/otp/{id}", id).asString().contains(token));

        // What the caller's page does with the token: split it and verify as usual.
        String[] parts = decode(token).split("\\.");
        Otps.verify(parts[0], parts[1]).then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("id", equalTo(id));
    }

    @Test
    void aResendSendsAFreshLinkForTheNewCode() {
        String address = Otps.uniqueEmail();
        String page = "https://app.example.com/reset/";
        String id = Otps.createWithLink("PASSWORD_RESET", "EMAIL", address, page + "{token}#from-mail")
                .then().statusCode(201).extract().path("id");
        String firstToken = tokenIn(MailServer.part(Otps.lastEmail(address), "text/plain"), page);
        database.sentEarlier(address, 61);

        Otps.resend(id).then().statusCode(202);

        assertEquals(2, MailServer.get().messagesTo(address).size());
        String text = MailServer.part(Otps.lastEmail(address), "text/plain");
        String token = tokenIn(text, page);
        assertTrue(text.contains(page + token + "#from-mail"), text);
        assertEquals(id + "." + Otps.codeIn(text), decode(token));
        String oldCode = decode(firstToken).split("\\.")[1];
        if (!oldCode.equals(Otps.codeIn(text))) {
            // The old link died with the old code.
            Otps.verify(id, oldCode).then().statusCode(422);
        }
        Otps.verify(id, decode(token).split("\\.")[1]).then().statusCode(200);
    }

    @Test
    void withoutATemplateThereIsNoLink() {
        String address = Otps.uniqueEmail();
        Otps.create("LOGIN", "EMAIL", address).then().statusCode(201);
        String text = MailServer.part(Otps.lastEmail(address), "text/plain");
        assertFalse(text.contains("link"), text);
        assertFalse(text.contains("http"), text);
    }

    @Test
    void aTemplateMustBeAnAbsoluteWebAddressWithOnePlaceholder() {
        for (String bad : new String[] { "", "not a url {token}", "https://app.example.com/verify",
                "https://app.example.com/{token}/{token}", "ftp://app.example.com/{token}",
                "javascript:alert(1)//{token}", "/verify?token={token}", "app.example.com/verify?token={token}",
                "https:///verify?token={token}", "https://{token}.example.com/verify",
                "https://app.example.com/ver ify?token={token}", "https://app.example.com/?token={TOKEN}",
                "https://app.example.com/?token=" + "x".repeat(480) + "{token}" }) {
            String address = Otps.uniqueEmail();
            Otps.createWithLink("EMAIL_VERIFICATION", "EMAIL", address, bad).then().log()
                    .ifValidationFails().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("linkTemplate"));
            // Refused before anything was stored or sent.
            assertTrue(MailServer.get().messagesTo(address).isEmpty(), bad);
            assertTrue(database.query("SELECT 1 FROM otps WHERE destination = ?", address).isEmpty(), bad);
        }
    }

    @Test
    void httpAndAPortAreFine() {
        String address = Otps.uniqueEmail();
        Otps.createWithLink("LOGIN", "EMAIL", address, "HTTP://localhost:3000/login/{token}").then().statusCode(201);
        assertTrue(MailServer.part(Otps.lastEmail(address), "text/plain").contains("HTTP://localhost:3000/login/"));
    }

    @Test
    void aLinkNeedsTheEmailChannel() {
        String phone = Otps.uniquePhone();
        Otps.createWithLink("LOGIN", "SMS", phone, VERIFY_PAGE + "{token}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("linkTemplate"))
                .body("errors[0].message", equalTo("is only allowed with channel EMAIL"));
        assertTrue(TwilioStub.get().messagesTo(phone).isEmpty());
    }

    private static String tokenIn(String text, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_=-]+)").matcher(text);
        assertTrue(matcher.find(), "No link in: " + text);
        String token = matcher.group(1);
        assertFalse(token.contains("="), "no padding: " + token);
        return token;
    }

    private static String decode(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
    }
}
