package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Wrong codes count per destination and type across every code and resend (10 by default, with 5 per code): past
 * the cap the destination and type lock, whatever new codes are issued.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class LifetimeCapTest {

    static final int CAP = 10;

    @Inject
    Database database;

    @Test
    void resendsDoNotBuyMoreGuessesThanTheCap() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String code = Otps.lastSmsCode(phone);
        for (int i = 0; i < 4; i++) {
            Otps.verify(id, Otps.wrong(code)).then().statusCode(422);
        }
        database.sentEarlier(phone, 61);
        Otps.resend(id).then().statusCode(202);
        code = Otps.lastSmsCode(phone);
        for (int i = 0; i < 4; i++) {
            Otps.verify(id, Otps.wrong(code)).then().statusCode(422);
        }
        database.sentEarlier(phone, 61);
        Otps.resend(id).then().statusCode(202);
        code = Otps.lastSmsCode(phone);
        Otps.verify(id, Otps.wrong(code)).then().statusCode(422);

        // The tenth wrong code locks the destination and type, although this code has attempts left.
        Response locked = Otps.verify(id, Otps.wrong(code));
        locked.then().statusCode(423).contentType("application/problem+json").body("code", equalTo("otp_locked"));
        assertRetryAfterAbout(locked, 3600);
        // Not even the right code is checked now, and no guess is counted.
        Otps.verify(id, code).then().statusCode(423).body("code", equalTo("otp_locked"));
        assertEquals(2, ((Number) database.otp(id).get("attempt_count")).intValue());

        // A new code is not sent: it could not be checked.
        database.sentEarlier(phone, 61);
        int texts = TwilioStub.get().messagesTo(phone).size();
        Response refused = Otps.create("PHONE_VERIFICATION", "SMS", phone);
        refused.then().statusCode(429).body("code", equalTo("rate_limited")).body("limit", equalTo("destination_locked"));
        Otps.resend(id).then().statusCode(429).body("limit", equalTo("destination_locked"));
        assertEquals(texts, TwilioStub.get().messagesTo(phone).size());

        // Another type for the same phone is not locked.
        Otps.createSms("LOGIN", phone);

        // When the lock ends, the code is checked again.
        database.update("UPDATE otp_destination_guards SET locked_until = now() - interval '1 second' "
                + "WHERE destination = ?", phone);
        Otps.verify(id, code).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void parallelGuessesAcrossSubjectsCodesAreCappedTogether() throws Exception {
        String phone = Otps.uniquePhone();
        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, UUID.randomUUID(), null).then()
                    .statusCode(201).extract().path("id"));
            codes.add(Otps.lastSmsCode(phone));
            database.sentEarlier(phone, 61);
        }
        // 3 codes with 5 attempts each would allow 15 wrong guesses; the cap allows 10.
        List<Response> answers = Parallel.run(30, i -> Otps.verify(ids.get(i % 3), Otps.wrong(codes.get(i % 3))));

        int compared = database.query("SELECT attempt_count FROM otps WHERE destination = ?", phone).stream()
                .mapToInt(row -> ((Number) row.get("attempt_count")).intValue()).sum();
        assertEquals(CAP, compared, answers.stream().map(Response::statusCode).toList().toString());
        assertEquals(30, Parallel.count(answers, 422) + Parallel.count(answers, 423));
        assertTrue(Parallel.count(answers, 422) < CAP, "at most " + (CAP - 1) + " guesses answered as merely wrong");
        for (int i = 0; i < 3; i++) {
            Otps.verify(ids.get(i), codes.get(i)).then().statusCode(423);
        }
    }

    @Test
    void theRightCodeClearsTheCount() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String code = Otps.lastSmsCode(phone);
        for (int i = 0; i < 4; i++) {
            Otps.verify(id, Otps.wrong(code)).then().statusCode(422);
        }
        Otps.verify(id, code).then().statusCode(200);
        assertEquals(List.of(Map.of("wrong_count", 0)), database.query(
                "SELECT wrong_count FROM otp_destination_guards WHERE destination = ?", phone));
    }

    private static void assertRetryAfterAbout(Response response, int seconds) {
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter > seconds - 60 && retryAfter <= seconds, "Retry-After " + retryAfter);
    }
}
