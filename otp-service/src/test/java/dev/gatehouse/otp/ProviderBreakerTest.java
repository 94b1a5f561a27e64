package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.otp.client.TwilioSms;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Twilio failing again and again opens the circuit breaker: codes are then refused at once without calling Twilio,
 * and once Twilio works again the breaker lets a send through and closes. Numbers Twilio refuses are the caller's
 * problem and never open it.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class ProviderBreakerTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void twilioWorks() {
        TwilioStub.get().reset();
        breakers.resetAll();
    }

    @Test
    void failingTwilioOpensTheBreakerWhichClosesWhenTwilioRecovers() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            TwilioStub.get().failNext(500, 20500, "Internal Server Error");
            Otps.create("LOGIN", "SMS", Otps.uniquePhone()).then().statusCode(502)
                    .body("code", equalTo("delivery_failed")).body("providerCode", equalTo("20500"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(TwilioSms.BREAKER));

        int callsBefore = TwilioStub.get().callCount();
        Otps.create("LOGIN", "SMS", Otps.uniquePhone()).then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery_failed")).body("providerCode", equalTo("unavailable"));
        assertEquals(callsBefore, TwilioStub.get().callCount(), "an open breaker does not call Twilio");

        for (int waited = 0; breakers.currentState(TwilioSms.BREAKER) == CircuitBreakerState.OPEN
                && waited < 100; waited++) {
            Otps.create("LOGIN", "SMS", Otps.uniquePhone());
            Thread.sleep(100);
        }
        String phone = Otps.uniquePhone();
        Otps.create("LOGIN", "SMS", phone).then().statusCode(201);
        assertEquals(1, TwilioStub.get().messagesTo(phone).size());
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(TwilioSms.BREAKER));
    }

    @Test
    void refusedNumbersDoNotOpenTheBreaker() {
        for (int i = 0; i < 12; i++) {
            String phone = Otps.uniquePhone();
            TwilioStub.get().failNext(400, 21211, "Invalid 'To' Phone Number: " + phone);
            Otps.create("LOGIN", "SMS", phone).then().statusCode(422).body("code", equalTo("destination_rejected"));
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(TwilioSms.BREAKER));
        String phone = Otps.uniquePhone();
        Otps.create("LOGIN", "SMS", phone).then().statusCode(201);
    }
}
