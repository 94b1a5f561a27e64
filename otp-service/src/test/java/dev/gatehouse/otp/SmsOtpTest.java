package dev.gatehouse.otp;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class SmsOtpTest {

    @Inject
    Database database;

    @Test
    void sendsTheCodeBySmsAndVerifiesIt() {
        String phone = Otps.uniquePhone();
        UUID subject = UUID.randomUUID();
        Response created = Otps.asService().contentType(ContentType.JSON)
                .body(Map.of("type", "PHONE_VERIFICATION", "channel", "SMS", "destination", phone, "subjectId",
                        subject.toString(), "locale", "en"))
                .when().post("/otp");
        created.then().statusCode(201)
                .header("Location", endsWith("/otp/" + created.path("id")))
                .body("id", notNullValue())
                .body("$", not(hasKey("code")));
        String id = created.path("id");
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        Instant resendAvailableAt = Instant.parse(created.path("resendAvailableAt"));
        assertTrue(Duration.between(Instant.now(), expiresAt).toSeconds() > 590, "ten minutes to live");
        assertTrue(Duration.between(Instant.now(), resendAvailableAt).toSeconds() > 50, "a minute's cooldown");

        List<TwilioStub.Sms> texts = TwilioStub.get().messagesTo(phone);
        assertEquals(1, texts.size());
        assertEquals(TwilioStub.FROM, texts.get(0).from());
        String code = Otps.codeIn(texts.get(0).body());
        assertEquals("Your Gatehouse code is " + code + ". It expires in 10 minutes.", texts.get(0).body());

        Otps.verify(id, code).then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("subjectId", equalTo(subject.toString()))
                .body("destination", equalTo(phone))
                .body("type", equalTo("PHONE_VERIFICATION"))
                .body("$", not(hasKey("code")));

        List<Map<String, Object>> attempts = database.query(
                "SELECT * FROM otp_delivery_attempts WHERE otp_id = ?::uuid", id);
        assertEquals(1, attempts.size());
        assertEquals("twilio", attempts.get(0).get("provider"));
        assertEquals("SENT", attempts.get(0).get("status"));
        assertEquals(texts.get(0).sid(), attempts.get(0).get("provider_message_id"));
    }

    @Test
    void storesOnlyAKeyedHashOfTheCode() throws Exception {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("LOGIN", phone);
        String code = Otps.lastSmsCode(phone);

        String stored = (String) database.otp(id).get("code_hash");
        assertFalse(stored.contains(code));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-only-otp-hash-key-never-use-in-production".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, stored);

        String state = Otps.asService().when().get("/otp/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("remainingAttempts", equalTo(5))
                .extract().asString();
        assertFalse(state.contains(code));
        assertFalse(state.contains(stored));
    }

    @Test
    void aWrongCodeCountsDownTheAttempts() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String wrong = Otps.wrong(Otps.lastSmsCode(phone));

        Otps.verify(id, wrong).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("otp_invalid")).body("remainingAttempts", equalTo(4));
        Otps.verify(id, wrong).then().statusCode(422).body("remainingAttempts", equalTo(3));
        assertEquals(2, database.otp(id).get("attempt_count"));
    }

    @Test
    void theLastWrongAttemptLocksTheCodeAndTheRightCodeIsRefusedAfterwards() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String code = Otps.lastSmsCode(phone);
        String wrong = Otps.wrong(code);

        for (int remaining = 4; remaining >= 1; remaining--) {
            Otps.verify(id, wrong).then().statusCode(422).body("remainingAttempts", equalTo(remaining));
        }
        Otps.verify(id, wrong).then().statusCode(423).contentType("application/problem+json")
                .body("code", equalTo("otp_locked"));
        Otps.verify(id, code).then().statusCode(423).body("code", equalTo("otp_locked"));
        assertEquals("LOCKED", database.otp(id).get("status"));
        assertEquals(5, database.otp(id).get("attempt_count"));
    }

    @Test
    void concurrentGuessesCannotExceedTheAttemptLimit() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("LOGIN", phone);
        String wrong = Otps.wrong(Otps.lastSmsCode(phone));

        List<Integer> statuses = java.util.stream.IntStream.range(0, 12).parallel()
                .mapToObj(i -> Otps.verify(id, wrong).statusCode()).toList();
        assertEquals(4, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        assertEquals(8, statuses.stream().filter(s -> s == 423).count(), statuses.toString());
        assertEquals(5, database.otp(id).get("attempt_count"));
    }

    @Test
    void anExpiredCodeIsGone() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String code = Otps.lastSmsCode(phone);
        database.update("UPDATE otps SET created_at = now() - interval '20 minutes', "
                + "expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);

        Otps.verify(id, code).then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("otp_expired"));
        assertEquals("EXPIRED", database.otp(id).get("status"));
        Otps.verify(id, code).then().statusCode(410).body("code", equalTo("otp_expired"));
    }

    @Test
    void aVerifiedCodeCannotBeUsedAgain() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PASSWORD_RESET", phone);
        String code = Otps.lastSmsCode(phone);

        Otps.verify(id, code).then().statusCode(200);
        Otps.verify(id, code).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("otp_used"));
    }

    @Test
    void aNewCodeRevokesThePreviousOne() {
        String phone = Otps.uniquePhone();
        String first = Otps.createSms("COMPANY_VERIFICATION", phone);
        String firstCode = Otps.lastSmsCode(phone);
        database.sentEarlier(phone, 120);

        String second = Otps.createSms("COMPANY_VERIFICATION", phone);
        String secondCode = Otps.lastSmsCode(phone);

        Map<String, Object> revoked = database.otp(first);
        assertEquals("REVOKED", revoked.get("status"));
        assertEquals("superseded", revoked.get("revoke_reason"));
        Otps.verify(first, firstCode).then().statusCode(410).body("code", equalTo("otp_revoked"));
        Otps.verify(second, secondCode).then().statusCode(200).body("status", equalTo("VERIFIED"));
        assertTrue(TwilioStub.get().messagesTo(phone).get(0).body().contains("company verification code"));
    }

    @Test
    void codesOfOtherTypesForTheSameNumberStayValid() {
        String phone = Otps.uniquePhone();
        String phoneCheck = Otps.createSms("PHONE_VERIFICATION", phone);
        String phoneCode = Otps.lastSmsCode(phone);
        String companyCheck = Otps.createSms("COMPANY_VERIFICATION", phone);
        String companyCode = Otps.lastSmsCode(phone);

        Otps.verify(phoneCheck, phoneCode).then().statusCode(200);
        Otps.verify(companyCheck, companyCode).then().statusCode(200);
    }

    @Test
    void deleteRevokesTheCode() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("LOGIN", phone);
        String code = Otps.lastSmsCode(phone);

        Otps.asService().when().delete("/otp/{id}", id).then().statusCode(204);
        Otps.asService().when().get("/otp/{id}", id).then().statusCode(200).body("status", equalTo("REVOKED"));
        assertEquals("cancelled", database.otp(id).get("revoke_reason"));
        Otps.verify(id, code).then().statusCode(410).body("code", equalTo("otp_revoked"));
        // Idempotent: a second delete changes nothing and still succeeds.
        Otps.asService().when().delete("/otp/{id}", id).then().statusCode(204);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        Otps.verify(unknown, "123456").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("otp_not_found"));
        Otps.resend(unknown).then().statusCode(404).body("code", equalTo("otp_not_found"));
        Otps.asService().when().delete("/otp/{id}", unknown).then().statusCode(404)
                .body("code", equalTo("otp_not_found"));
        Otps.asService().when().get("/otp/{id}", "not-a-uuid").then().statusCode(404)
                .body("code", equalTo("otp_not_found"));
    }
}
