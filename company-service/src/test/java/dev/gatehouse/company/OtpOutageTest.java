package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.company.client.OtpGateway;
import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * otp-service hanging, refusing connections or failing: the owner asking for a company code gets a 503 problem with
 * Retry-After (never a 500, never an endless wait), the code is asked for exactly once (a second create would send a
 * second SMS), and the circuit breaker opens, answers without calling otp-service while open, and closes again once
 * otp-service answers.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(OtpServiceStub.class)
class OtpOutageTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void otpServiceWorks() {
        OtpServiceStub.FAULT.set(OtpServiceStub.Fault.NONE);
        OtpServiceStub.DOWN.set(false);
        breakers.resetAll();
    }

    @Test
    void aHangingOtpServiceIsA503WithRetryAfterAndIsAskedOnce() throws InterruptedException {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner);
        OtpServiceStub.FAULT.set(OtpServiceStub.Fault.HANG);
        int before = OtpServiceStub.OTP_CALLS.get();

        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            unavailable(start(owner, companyId));
            assertEquals(before + 1, OtpServiceStub.OTP_CALLS.get(), "a create is never repeated");
            // The call the timeout gave up on still waits for otp-service until the REST client's read timeout, and
            // logs then. Waiting for that line here keeps it out of the tests that follow and count logged errors.
            errors.awaitAny(Duration.ofSeconds(15));
        }
    }

    @Test
    void aFailingOtpServiceIsA503AndIsNotRetried() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner);
        OtpServiceStub.FAULT.set(OtpServiceStub.Fault.ERROR);
        int before = OtpServiceStub.OTP_CALLS.get();

        unavailable(start(owner, companyId));
        assertEquals(before + 1, OtpServiceStub.OTP_CALLS.get(), "a create is never repeated");
    }

    @Test
    void aRefusedConnectionIsA503() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner);
        start(owner, companyId).statusCode(202);
        OtpServiceStub.refuse();
        try {
            unavailable(start(owner, companyId));
            unavailable(confirm(owner, companyId, "123456"));
            // Readiness is about this service's own database: a peer that is down does not take it out of service.
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            OtpServiceStub.accept();
        }
        start(owner, companyId).statusCode(202);
    }

    @Test
    void theBreakerOpensAnswersWithoutCallingAndClosesAgain() throws InterruptedException {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner);
        OtpServiceStub.FAULT.set(OtpServiceStub.Fault.ERROR);
        for (int i = 0; i < 8; i++) {
            unavailable(start(owner, companyId));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(OtpGateway.SEND_BREAKER));

        // otp-service is back, but the open breaker does not call it.
        OtpServiceStub.FAULT.set(OtpServiceStub.Fault.NONE);
        int before = OtpServiceStub.OTP_CALLS.get();
        unavailable(start(owner, companyId));
        assertEquals(before, OtpServiceStub.OTP_CALLS.get(), "an open breaker does not call otp-service");

        // After its delay it lets a call through; that call succeeds and closes it.
        for (int waited = 0; breakers.currentState(OtpGateway.SEND_BREAKER) == CircuitBreakerState.OPEN
                && waited < 100; waited++) {
            start(owner, companyId);
            Thread.sleep(100);
        }
        start(owner, companyId).statusCode(202);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(OtpGateway.SEND_BREAKER));
    }

    @Test
    void answersAboutTheCodeDoNotOpenTheBreaker() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner);
        start(owner, companyId).statusCode(202);
        for (int i = 0; i < 10; i++) {
            confirm(owner, companyId, "000000".equals(OtpServiceStub.CODES_BY_DESTINATION.get(phoneOf(companyId)))
                    ? "111111"
                    : "000000").statusCode(org.hamcrest.Matchers.oneOf(422, 423));
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(OtpGateway.VERIFY_BREAKER));
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("otp_service_unavailable"))
                .header("Retry-After", notNullValue());
    }

    private static final Map<String, String> PHONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String create(UUID owner) {
        String phone = "+2547" + String.format("%08d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String companyId = given().auth().oauth2(Companies.ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Outage Ltd", "countryCode", "KE", "phoneNumber", phone))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");
        PHONES.put(companyId, phone);
        return companyId;
    }

    private static String phoneOf(String companyId) {
        return PHONES.get(companyId);
    }

    private static ValidatableResponse start(UUID user, String companyId) {
        return given().auth().oauth2(Companies.ISSUER.userToken(user))
                .when().post("/companies/" + companyId + "/verification").then();
    }

    private static ValidatableResponse confirm(UUID user, String companyId, String code) {
        return given().auth().oauth2(Companies.ISSUER.userToken(user)).contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when().post("/companies/" + companyId + "/verification/confirm").then();
    }
}
