package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class ValidationTest {

    @Test
    void missingFieldsAreListed() {
        post(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("destination"));
    }

    @Test
    void unknownTypeOrChannelIsAFieldError() {
        post(body("NEWSLETTER", "SMS", "+254712345678")).statusCode(400).body("errors[0].field", equalTo("type"));
        post(body("LOGIN", "FAX", "+254712345678")).statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void anSmsDestinationMustBeE164() {
        for (String bad : new String[] { "0712345678", "+0712345678", "+254712", "254712345678", "+25471234567890123",
                "person@example.com" }) {
            post(body("LOGIN", "SMS", bad)).statusCode(400).body("errors[0].field", equalTo("destination"));
        }
    }

    @Test
    void anEmailDestinationMustBeAnAddress() {
        for (String bad : new String[] { "not-an-email", "a@b", "two@@example.com", "person@example.com\r\nBcc: x@y.z",
                "+254712345678" }) {
            post(body("LOGIN", "EMAIL", bad)).statusCode(400).body("errors[0].field", equalTo("destination"));
        }
    }

    @Test
    void verificationTypesGoByTheirOwnChannel() {
        post(body("PHONE_VERIFICATION", "EMAIL", "person@example.com")).statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        post(body("EMAIL_VERIFICATION", "SMS", "+254712345678")).statusCode(400)
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void subjectIdAndLocaleAreChecked() {
        Map<String, Object> badSubject = body("LOGIN", "SMS", "+254712345678");
        badSubject.put("subjectId", "user-42");
        post(badSubject).statusCode(400).body("errors[0].field", equalTo("subjectId"));
        Map<String, Object> badLocale = body("LOGIN", "SMS", "+254712345678");
        badLocale.put("locale", "english please");
        post(badLocale).statusCode(400).body("errors[0].field", equalTo("locale"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Otps.asService().contentType(ContentType.JSON).body("{not json").when().post("/otp")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_request"));
    }

    @Test
    void aCodeMustBeDigits() {
        String id = UUID.randomUUID().toString();
        Otps.verify(id, "12a456").then().statusCode(400).body("errors[0].field", equalTo("code"));
        Otps.asService().contentType(ContentType.JSON).body(Map.of()).when().post("/otp/{id}/verify", id)
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    private static Map<String, Object> body(String type, String channel, String destination) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("destination", destination);
        return body;
    }

    private static ValidatableResponse post(Map<String, ?> body) {
        return Otps.asService().contentType(ContentType.JSON).body(body).when().post("/otp").then().log()
                .ifValidationFails();
    }
}
