package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.common.client.Deadline;
import dev.gatehouse.otp.api.OtpApi;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A call that arrives after its caller's deadline (it sat in the socket of a frozen otp-service while the caller gave
 * up and answered 503) is refused before any work: no code is created, sent or spent, so the caller's view (nothing
 * happened) stays true. A call within its deadline, or without one, is served as ever.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class CallerDeadlineTest {

    @Inject
    Database database;

    @Test
    void theContractsHeaderIsTheOneTheServiceReads() {
        assertEquals(Deadline.HEADER, OtpApi.DEADLINE_HEADER);
    }

    @Test
    void aCreatePastItsDeadlineSendsNothing() {
        String phone = Otps.uniquePhone();
        UUID subject = UUID.randomUUID();
        Otps.asService().contentType(ContentType.JSON)
                .header(Deadline.HEADER, String.valueOf(Instant.now().minusMillis(50).toEpochMilli()))
                .body(Map.of("type", "PHONE_VERIFICATION", "channel", "SMS", "destination", phone, "subjectId",
                        subject.toString()))
                .when().post("/otp")
                .then().statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue()).body("code", equalTo("deadline_exceeded"));
        assertEquals(List.of(), TwilioStub.get().messagesTo(phone));
        assertEquals(0L, database.query("SELECT count(*) AS n FROM otps WHERE subject_id = ?", subject).get(0)
                .get("n"));

        // Within its deadline the same call is served, and nothing of the refused one stands in its way.
        Otps.asService().contentType(ContentType.JSON)
                .header(Deadline.HEADER, Deadline.after(java.time.Duration.ofSeconds(30)))
                .body(Map.of("type", "PHONE_VERIFICATION", "channel", "SMS", "destination", phone, "subjectId",
                        subject.toString()))
                .when().post("/otp").then().statusCode(201);
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
    }

    @Test
    void aVerifyPastItsDeadlineSpendsNoAttempt() {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("PHONE_VERIFICATION", phone);
        String code = Otps.lastSmsCode(phone);
        Object attemptsBefore = database.otp(id).get("attempt_count");

        Otps.asService().contentType(ContentType.JSON)
                .header(Deadline.HEADER, String.valueOf(Instant.now().minusMillis(50).toEpochMilli()))
                .body(Map.of("code", code)).when().post("/otp/{id}/verify", id)
                .then().statusCode(503).body("code", equalTo("deadline_exceeded"));
        assertEquals(attemptsBefore, database.otp(id).get("attempt_count"));
        assertEquals("PENDING", String.valueOf(database.otp(id).get("status")));

        // The same code still verifies.
        Otps.verify(id, code).then().statusCode(200);
    }
}
