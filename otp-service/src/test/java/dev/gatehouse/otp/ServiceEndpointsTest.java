package dev.gatehouse.otp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class ServiceEndpointsTest {

    @Test
    void publishesHealthMetricsAndOpenApi() {
        Otps.createSms("LOGIN", Otps.uniquePhone());
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("gatehouse_otp_deliveries_total"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/otp/{id}/verify"))
                .body(containsString("/messages"));
    }
}
