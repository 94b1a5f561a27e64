package dev.gatehouse.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The housekeeping job runs every two seconds in tests. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class HousekeepingTest {

    @Inject
    Database database;

    @Test
    void overdueCodesAreMarkedExpiredAndEndedWindowsDropped() throws InterruptedException {
        String phone = Otps.uniquePhone();
        String id = Otps.createSms("LOGIN", phone);
        database.update("UPDATE otps SET created_at = now() - interval '20 minutes', "
                + "expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);
        String oldKey = "destination:" + Otps.uniquePhone();
        database.update("INSERT INTO otp_rate_limits (key, window_start, count) VALUES (?, ?, 3)", oldKey,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && ("PENDING".equals(database.otp(id).get("status"))
                || !database.query("SELECT 1 FROM otp_rate_limits WHERE key = ?", oldKey).isEmpty())) {
            Thread.sleep(200);
        }
        assertEquals("EXPIRED", database.otp(id).get("status"));
        assertEquals(0, database.query("SELECT 1 FROM otp_rate_limits WHERE key = ?", oldKey).size());
    }

    @Test
    void messageRecordsOlderThanTheRetentionAreDeleted() throws InterruptedException {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String insert = "INSERT INTO messages (id, channel, destination, subject, status, created_at) "
                + "VALUES (?::uuid, 'EMAIL', ?, 'Hello', 'SENT', now() - make_interval(days => ?))";
        database.update(insert, old, Otps.uniqueEmail(), 31);
        database.update(insert, recent, Otps.uniqueEmail(), 29);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && !messages(old).isEmpty()) {
            Thread.sleep(200);
        }
        assertEquals(0, messages(old).size());
        assertEquals(1, messages(recent).size());
    }

    private List<Map<String, Object>> messages(String id) {
        return database.query("SELECT 1 FROM messages WHERE id = ?::uuid", id);
    }
}
