package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class EmailOtpTest {

    @Inject
    Database database;

    @Test
    void mailsTheCodeAndVerifiesIt() throws Exception {
        String address = Otps.uniqueEmail();
        String id = Otps.create("EMAIL_VERIFICATION", "EMAIL", "  " + address.toUpperCase() + " ")
                .then().statusCode(201).extract().path("id");

        List<MimeMessage> mails = MailServer.get().messagesTo(address);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals("Confirm your email address for Gatehouse", mail.getSubject());
        assertEquals(MailServer.FROM, mail.getFrom()[0].toString());
        String text = MailServer.part(mail, "text/plain");
        String html = MailServer.part(mail, "text/html");
        String code = Otps.codeIn(text);
        assertTrue(text.contains("It expires in 10 minutes."), text);
        assertTrue(html.contains(code), html);

        Otps.verify(id, code).then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("destination", equalTo(address))
                .body("type", equalTo("EMAIL_VERIFICATION"))
                .body("channel", equalTo("EMAIL"));

        List<Map<String, Object>> attempts = database.query(
                "SELECT provider, status, channel FROM otp_delivery_attempts WHERE otp_id = ?::uuid", id);
        assertEquals(List.of(Map.of("provider", "smtp", "status", "SENT", "channel", "EMAIL")), attempts);
    }

    @Test
    void aPasswordResetMailSaysWhatItIsFor() {
        String address = Otps.uniqueEmail();
        String id = Otps.create("PASSWORD_RESET", "EMAIL", address).then().statusCode(201).extract().path("id");

        MimeMessage mail = MailServer.get().messagesTo(address).get(0);
        String text = MailServer.part(mail, "text/plain");
        assertTrue(text.contains("password reset code"), text);
        assertTrue(text.contains("If you did not ask to reset your password"), text);
        String code = Otps.lastEmailCode(address);
        assertFalse(database.otp(id).get("code_hash").toString().contains(code));
        Otps.verify(id, code).then().statusCode(200).body("type", equalTo("PASSWORD_RESET"));
    }
}
