package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class ResendTest {

    @Inject
    Database database;

    @Test
    void aResendInsideTheCooldownIsRefusedWithRetryAfter() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);

        Response refused = Otps.resend(id);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("resend_too_soon"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 50 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
    }

    @Test
    void aResendSendsANewCodeUnderTheSameIdAndResetsTheAttempts() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String oldCode = Otps.lastSmsCode(phone);
        String oldHash = (String) database.otp(id).get("code_hash");
        Otps.verify(id, Otps.wrong(oldCode)).then().statusCode(422).body("remainingAttempts", equalTo(4));
        Otps.verify(id, Otps.wrong(oldCode)).then().statusCode(422).body("remainingAttempts", equalTo(3));
        database.sentEarlier(phone, 61);

        Response resent = Otps.resend(id);
        resent.then().statusCode(202).body("id", equalTo(id));
        assertTrue(Duration.between(Instant.now(), Instant.parse(resent.path("expiresAt"))).toSeconds() > 590);
        assertEquals(2, TwilioStub.get().messagesTo(phone).size());
        String newCode = Otps.lastSmsCode(phone);
        assertTrue(!oldHash.equals(database.otp(id).get("code_hash")), "the hash is replaced");
        assertEquals(1, database.otp(id).get("resend_count"));

        if (!newCode.equals(oldCode)) {
            // The old code died with its hash; one guess at it now costs one of five fresh attempts.
            Otps.verify(id, oldCode).then().statusCode(422).body("remainingAttempts", equalTo(4));
        }
        Otps.verify(id, newCode).then().statusCode(200).body("status", equalTo("VERIFIED"));
        assertEquals(2, database.query("SELECT 1 FROM otp_delivery_attempts WHERE otp_id = ?::uuid", id).size());
    }

    @Test
    void onlyAPendingUnexpiredCodeCanBeResent() {
        String verifiedPhone = Otps.uniquePhone();
        String verified = Otps.createSms("LOGIN", verifiedPhone);
        Otps.verify(verified, Otps.lastSmsCode(verifiedPhone)).then().statusCode(200);
        database.sentEarlier(verifiedPhone, 61);
        Otps.resend(verified).then().statusCode(409).body("code", equalTo("otp_used"));

        String lockedPhone = Otps.uniquePhone();
        String locked = Otps.createSms("LOGIN", lockedPhone);
        String wrong = Otps.wrong(Otps.lastSmsCode(lockedPhone));
        for (int i = 0; i < 5; i++) {
            Otps.verify(locked, wrong);
        }
        database.sentEarlier(lockedPhone, 61);
        Otps.resend(locked).then().statusCode(423).body("code", equalTo("otp_locked"));

        String expiredPhone = Otps.uniquePhone();
        String expired = Otps.createSms("LOGIN", expiredPhone);
        database.update("UPDATE otps SET created_at = now() - interval '20 minutes', "
                + "last_sent_at = now() - interval '11 minutes', expires_at = now() - interval '1 minute' "
                + "WHERE id = ?::uuid", expired);
        Otps.resend(expired).then().statusCode(410).body("code", equalTo("otp_expired"));
        assertEquals("EXPIRED", database.otp(expired).get("status"));

        String revokedPhone = Otps.uniquePhone();
        String revoked = Otps.createSms("LOGIN", revokedPhone);
        Otps.asService().when().delete("/otp/{id}", revoked).then().statusCode(204);
        database.sentEarlier(revokedPhone, 61);
        Otps.resend(revoked).then().statusCode(410).body("code", equalTo("otp_revoked"));

        assertEquals(1, TwilioStub.get().messagesTo(lockedPhone).size());
        assertEquals(1, TwilioStub.get().messagesTo(expiredPhone).size());
    }
}
