package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
class RateLimitTest {

    @Inject
    Database database;

    @Test
    void aNewCodeForTheSameDestinationAndTypeWaitsForTheCooldown() {
        String phone = Otps.uniquePhone();
        String first = Otps.createSms("LOGIN", phone);

        Response refused = Otps.create("LOGIN", "SMS", phone);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("limit", equalTo("resend_cooldown"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 50 && retryAfter <= 60, "Retry-After " + retryAfter);
        // The refused request changed nothing: the first code is still the live one.
        assertEquals("PENDING", database.otp(first).get("status"));
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
    }

    @Test
    void aDestinationGetsAtMostFiveMessagesAnHourCreatesAndResendsAlike() throws InterruptedException {
        awayFromAWindowBoundary();
        String phone = Otps.uniquePhone();
        String login = Otps.createSms("LOGIN", phone);
        Otps.createSms("PASSWORD_RESET", phone);
        Otps.createSms("PHONE_VERIFICATION", phone);
        database.sentEarlier(phone, 61);
        Otps.resend(login).then().statusCode(202);
        database.sentEarlier(phone, 61);
        Otps.createSms("COMPANY_VERIFICATION", phone);
        database.sentEarlier(phone, 61);

        Response refused = Otps.create("LOGIN", "SMS", phone);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("limit", equalTo("destination_hourly"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        Otps.resend(login).then().statusCode(429).body("code", equalTo("rate_limited"));

        assertEquals(5, TwilioStub.get().messagesTo(phone).size());
        // Refused requests are not counted: the counter says how many messages really went out.
        List<Map<String, Object>> counters = database.query(
                "SELECT count FROM otp_rate_limits WHERE key = ?", "destination:" + phone);
        assertEquals(List.of(Map.of("count", 5)), counters);

        // Other destinations are not affected.
        Otps.createSms("LOGIN", Otps.uniquePhone());
    }

    /** The hourly windows are aligned to the clock; a test that straddles two would count in both. */
    private static void awayFromAWindowBoundary() throws InterruptedException {
        long intoTheHour = Instant.now().getEpochSecond() % 3600;
        if (intoTheHour > 3590) {
            Thread.sleep((3601 - intoTheHour) * 1000);
        }
    }
}
