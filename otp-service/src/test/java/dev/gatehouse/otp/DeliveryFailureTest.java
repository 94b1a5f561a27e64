package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** When the provider does not take the message, the caller learns it and no live code is left behind. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class DeliveryFailureTest {

    @Inject
    Database database;

    @AfterEach
    void resetStub() {
        TwilioStub.get().reset();
    }

    @Test
    void aTwilioServerErrorIsABadGatewayAndRevokesTheCode() {
        String phone = Otps.uniquePhone();
        TwilioStub.get().failNext(500, 20500, "Internal Server Error");
        int callsBefore = TwilioStub.get().callCount();

        Otps.create("PHONE_VERIFICATION", "SMS", phone).then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery_failed"))
                .body("provider", equalTo("twilio"))
                .body("providerCode", equalTo("20500"));

        // A 500 may hide a queued message, so it is not retried: one text with one code at most.
        assertEquals(callsBefore + 1, TwilioStub.get().callCount());
        assertNothingLive(phone, "20500");
        // Nobody received a code, so no cooldown started: asking again works at once.
        Otps.create("PHONE_VERIFICATION", "SMS", phone).then().statusCode(201);
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
    }

    @Test
    void aNumberTwilioRefusesIsTheCallersProblem() {
        String phone = Otps.uniquePhone();
        TwilioStub.get().failNext(400, 21211, "Invalid 'To' Phone Number: " + phone);

        Otps.create("LOGIN", "SMS", phone).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("destination_rejected"))
                .body("providerCode", equalTo("21211"));
        assertNothingLive(phone, "21211");
    }

    @Test
    void aTwilioOutageThatSaysRetryIsRetried() {
        String phone = Otps.uniquePhone();
        TwilioStub.get().failNext(503, 20503, "Service Unavailable");
        int callsBefore = TwilioStub.get().callCount();

        String id = Otps.create("LOGIN", "SMS", phone).then().statusCode(201).extract().path("id");
        assertEquals(callsBefore + 2, TwilioStub.get().callCount());
        Otps.verify(id, Otps.lastSmsCode(phone)).then().statusCode(200);
    }

    @Test
    void aFailedResendRevokesTheCode() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("LOGIN", phone);
        String code = Otps.lastSmsCode(phone);
        database.sentEarlier(phone, 61);
        TwilioStub.get().failNext(500, 20500, "Internal Server Error");

        Otps.resend(id).then().statusCode(502).body("code", equalTo("delivery_failed"));
        assertEquals("REVOKED", database.otp(id).get("status"));
        Otps.verify(id, code).then().statusCode(410).body("code", equalTo("otp_revoked"));
    }

    @Test
    void anUnreachableMailRelayIsABadGateway() {
        String address = Otps.uniqueEmail();
        MailServer.get().whileDown(() -> Otps.create("EMAIL_VERIFICATION", "EMAIL", address).then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery_failed"))
                .body("provider", equalTo("smtp")));

        List<Map<String, Object>> rows = database.query("SELECT o.status, o.revoke_reason, a.status AS attempt, "
                + "a.provider FROM otps o JOIN otp_delivery_attempts a ON a.otp_id = o.id WHERE o.destination = ?",
                address);
        assertEquals(List.of(Map.of("status", "REVOKED", "revoke_reason", "delivery_failed", "attempt", "FAILED",
                "provider", "smtp")), rows);

        // The relay is back: the next request goes through and its code works.
        String id = Otps.create("EMAIL_VERIFICATION", "EMAIL", address).then().statusCode(201).extract().path("id");
        Otps.verify(id, Otps.lastEmailCode(address)).then().statusCode(200);
    }

    private void assertNothingLive(String phone, String providerCode) {
        List<Map<String, Object>> rows = database.query(
                "SELECT o.status, o.revoke_reason, a.status AS attempt, a.provider, a.error_code "
                        + "FROM otps o JOIN otp_delivery_attempts a ON a.otp_id = o.id WHERE o.destination = ?",
                phone);
        assertEquals(1, rows.size(), rows.toString());
        Map<String, Object> row = rows.get(0);
        assertEquals("REVOKED", row.get("status"));
        assertEquals("delivery_failed", row.get("revoke_reason"));
        assertEquals("FAILED", row.get("attempt"));
        assertEquals("twilio", row.get("provider"));
        assertEquals(providerCode, row.get("error_code"));
        assertEquals(0, database.query("SELECT 1 FROM otps WHERE destination = ? AND status = 'PENDING'", phone)
                .size());
    }
}
