package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.service.ResetMails;
import io.quarkus.test.junit.QuarkusTest;

/** Pages speak the browser's language when Gatehouse has it; mails have a text and an HTML part, escaped. */
@QuarkusTest
class PageLanguageTest {

    @Inject
    ResetMails mails;

    @Test
    void theResetPageSpeaksKiswahiliWhenTheBrowserAsks() {
        given().header("Accept-Language", "sw-KE,sw;q=0.9,en;q=0.5").when()
                .get("/auth/password/reset?token=not-a-real-token").then().statusCode(400)
                .header("Content-Language", "sw")
                .body(containsString("lang=\"sw\"")).body(containsString("si halali"));
        given().header("Accept-Language", "fr-FR").when().get("/auth/password/reset?token=not-a-real-token").then()
                .statusCode(400).body(containsString("lang=\"en\"")).body(containsString("not valid"));
    }

    @Test
    void theEmailVerificationPageSpeaksKiswahiliWhenTheBrowserAsks() {
        given().header("Accept-Language", "sw").when().get("/auth/email/verify?token=nonsense").then()
                .statusCode(400).body(containsString("Kiungo hiki si halali."))
                .body(not(containsString("This link is not valid.")));
    }

    @Test
    void theResetLinkMailHasBothPartsAndTheHtmlIsEscaped() {
        ResetMails.Mail mail = mails.link("a\"b<c>&d");
        assertTrue(mail.text().contains("Open this link within 30 minutes to choose a new password:"), mail.text());
        assertTrue(mail.text().contains("token=a%22b%3Cc%3E%26d"), mail.text());
        assertFalse(mail.html().contains("<c>"), mail.html());
        assertTrue(mail.html().contains("<a href=\"http"), mail.html());

        ResetMails.Mail swahili = mails.link("token", "sw");
        assertTrue(swahili.subject().startsWith("Weka upya nenosiri"), swahili.subject());
        assertTrue(swahili.text().contains("dakika 30"), swahili.text());

        ResetMails.Mail code = mails.code("123456");
        assertTrue(code.text().startsWith("Your Gatehouse password reset code is 123456."), code.text());
        assertNull(code.html());
    }
}
