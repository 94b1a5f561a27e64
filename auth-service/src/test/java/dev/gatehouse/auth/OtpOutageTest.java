package dev.gatehouse.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.client.OtpGateway;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * otp-service hanging or failing while a person verifies their phone: the person gets a 503 problem with Retry-After
 * (never a 500, never an endless wait), otp-service is asked exactly once (a second create would send a second SMS),
 * and the circuit breaker opens, answers without calling otp-service while open, and closes once it answers again.
 */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class OtpOutageTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void otpServiceWorks() {
        OtherServicesStub.reset();
        breakers.resetAll();
    }

    @Test
    void aHangingOtpServiceIsA503WithRetryAfterAndIsAskedOnce() {
        People me = People.signUp();
        PhoneVerificationTest.send(me).statusCode(202);
        OtherServicesStub.OTP_HANGS.set(true);
        int before = OtherServicesStub.OTP_CALLS.get();

        unavailable(PhoneVerificationTest.send(me));
        assertEquals(before + 1, OtherServicesStub.OTP_CALLS.get(), "a code is never asked for twice");
        unavailable(PhoneVerificationTest.confirm(me, "123456"));
        assertEquals(before + 2, OtherServicesStub.OTP_CALLS.get(), "a verify is never repeated");
    }

    @Test
    void aFailingOtpServiceIsA503AndIsNotRetried() {
        People me = People.signUp();
        OtherServicesStub.OTP_DOWN.set(true);
        int before = OtherServicesStub.OTP_CALLS.get();

        unavailable(PhoneVerificationTest.send(me));
        assertEquals(before + 1, OtherServicesStub.OTP_CALLS.get());
    }

    @Test
    void theBreakerOpensAnswersWithoutCallingAndClosesAgain() throws InterruptedException {
        People me = People.signUp();
        OtherServicesStub.OTP_DOWN.set(true);
        for (int i = 0; i < 8; i++) {
            unavailable(PhoneVerificationTest.send(me));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(OtpGateway.SEND_BREAKER));

        OtherServicesStub.OTP_DOWN.set(false);
        int before = OtherServicesStub.OTP_CALLS.get();
        unavailable(PhoneVerificationTest.send(me));
        assertEquals(before, OtherServicesStub.OTP_CALLS.get(), "an open breaker does not call otp-service");

        for (int waited = 0; breakers.currentState(OtpGateway.SEND_BREAKER) == CircuitBreakerState.OPEN
                && waited < 100; waited++) {
            PhoneVerificationTest.send(me);
            Thread.sleep(100);
        }
        PhoneVerificationTest.send(me).statusCode(202);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(OtpGateway.SEND_BREAKER));
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("otp_service_unavailable"))
                .header("Retry-After", notNullValue());
    }
}
