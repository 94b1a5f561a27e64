package dev.gatehouse.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.service.OtpMessages;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The code messages come from templates and a message bundle: in the code's language, escaped in HTML. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class OtpMessagesTest {

    @Inject
    OtpMessages messages;

    @Test
    void englishIsTheDefaultAndForLanguagesGatehouseDoesNotSpeak() {
        String english = "Your Gatehouse code is 123456. It expires in 10 minutes.";
        assertEquals(english, messages.sms(OtpType.PHONE_VERIFICATION, "123456", null).body());
        assertEquals(english, messages.sms(OtpType.PHONE_VERIFICATION, "123456", "fr-FR").body());
        assertEquals(english, messages.sms(OtpType.PHONE_VERIFICATION, "123456", "en-KE").body());
    }

    @Test
    void kiswahiliFromTheStoredLocale() {
        String sms = messages.sms(OtpType.PASSWORD_RESET, "123456", "sw-KE").body();
        assertEquals("Gatehouse: msimbo wa kuweka upya nenosiri chako ni 123456. Kinaisha baada ya dakika 10. "
                + "Usimpe mtu yeyote.", sms);
        OtpMessages.Email email = messages.email(OtpType.EMAIL_VERIFICATION, "654321", null, "sw");
        assertEquals("Thibitisha barua pepe yako kwa Gatehouse", email.subject());
        assertTrue(email.text().contains("Kiweke ili kuthibitisha barua pepe hii. Kinaisha baada ya dakika 10."),
                email.text());
        assertTrue(email.html().contains("lang=\"sw\""), email.html());
    }

    @Test
    void anEmailHasAPlainTextAndAnHtmlPartAndTheLinkIsEscapedInHtml() {
        String link = "https://gatehouse.example/auth/email/verify?token=a&b=\"><script>alert(1)</script>";
        OtpMessages.Email email = messages.email(OtpType.EMAIL_VERIFICATION, "654321", link, "en");
        assertTrue(email.text().contains("    654321"), email.text());
        assertTrue(email.text().contains(link), "the text part carries the link as it is");
        assertTrue(email.text().contains("The code and the link expire in 10 minutes."), email.text());
        assertFalse(email.html().contains("<script>"), email.html());
        assertTrue(email.html().contains("token=a&amp;b=&quot;&gt;&lt;script&gt;"), email.html());
        assertTrue(email.html().contains("654321"));
    }
}
