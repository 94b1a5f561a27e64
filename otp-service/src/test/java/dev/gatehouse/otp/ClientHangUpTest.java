package dev.gatehouse.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.HangUps.Request;
import dev.gatehouse.testing.TestIssuer;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Callers that hang up while a code is being verified must not take the service down. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class ClientHangUpTest {

    @Inject
    DataSource database;

    @Test
    void verificationsThatHangUpLeaveTheServiceServing() {
        List<String[]> codes = pendingCodes(60);
        String service = "Bearer " + TestIssuer.shared().serviceToken("company-service");

        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            HangUps.send(RestAssured.port, codes.size(), 20, Duration.ofMillis(2), Duration.ofMillis(60),
                    i -> Request.postJson("/otp/" + codes.get(i)[0] + "/verify",
                            "{\"code\":\"" + codes.get(i)[1] + "\"}", Map.of("Authorization", service)));
            HangUps.assertNoTransactionLeftOpen(database, Duration.ofSeconds(20));
            errors.assertNone();
        }
        List<String[]> more = pendingCodes(40);
        HangUps.assertStillServes(more.size(), 20, 200,
                i -> Otps.verify(more.get(i)[0], more.get(i)[1]).statusCode());
    }

    /** Fresh SMS codes, each to its own number: their ids and codes. */
    private static List<String[]> pendingCodes(int count) {
        List<String[]> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = Otps.uniquePhone();
            String id = Otps.createSms("PHONE_VERIFICATION", phone);
            codes.add(new String[] { id, Otps.lastSmsCode(phone) });
        }
        return codes;
    }
}
