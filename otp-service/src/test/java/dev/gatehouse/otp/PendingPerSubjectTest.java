package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A pending code belongs to its subject: another subject asking for the same destination cannot cancel it. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class PendingPerSubjectTest {

    @Inject
    Database database;

    @Test
    void anotherSubjectsCodeForTheSamePhoneLeavesTheFirstOnePending() {
        String phone = Otps.uniquePhone();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstId = Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, first, null).then().statusCode(201)
                .extract().path("id");
        String firstCode = Otps.lastSmsCode(phone);
        database.sentEarlier(phone, 61);

        String secondId = Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, second, null).then().statusCode(201)
                .extract().path("id");
        String secondCode = Otps.lastSmsCode(phone);

        assertEquals("PENDING", database.otp(firstId).get("status"));
        Otps.verify(firstId, firstCode).then().statusCode(200).body("subjectId", equalTo(first.toString()));
        Otps.verify(secondId, secondCode).then().statusCode(200).body("subjectId", equalTo(second.toString()));
    }

    @Test
    void aSubjectsNewCodeStillSupersedesItsOwn() {
        String phone = Otps.uniquePhone();
        UUID subject = UUID.randomUUID();
        String old = Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, subject, null).then().statusCode(201)
                .extract().path("id");
        database.sentEarlier(phone, 61);
        Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, subject, null).then().statusCode(201);

        Map<String, Object> row = database.otp(old);
        assertEquals("REVOKED", row.get("status"));
        assertEquals("superseded", row.get("revoke_reason"));
    }

    @Test
    void parallelRequestsOfOneSubjectLeaveOnePendingCode() throws Exception {
        String phone = Otps.uniquePhone();
        UUID subject = UUID.randomUUID();
        List<Response> answers = Parallel.run(10,
                i -> Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, subject, null));

        assertEquals(1, Parallel.count(answers, 201));
        assertEquals(9, Parallel.count(answers, 429));
        assertEquals(List.of(Map.of("count", 1L)), database.query(
                "SELECT count(*) AS count FROM otps WHERE destination = ? AND status = 'PENDING'", phone));
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
    }

    @Test
    void theDatabaseRefusesASecondPendingCodeOfOneSubject() {
        String phone = Otps.uniquePhone();
        UUID subject = UUID.randomUUID();
        String id = Otps.createFor("COMPANY_VERIFICATION", "SMS", phone, subject, null).then().statusCode(201)
                .extract().path("id");
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> database.update("INSERT INTO otps (id, type, channel, destination, subject_id, code_hash, "
                        + "expires_at) SELECT gen_random_uuid(), type, channel, destination, subject_id, code_hash, "
                        + "expires_at FROM otps WHERE id = ?::uuid", id));
        assertEquals("23505", ((java.sql.SQLException) refused.getCause()).getSQLState());
    }
}
