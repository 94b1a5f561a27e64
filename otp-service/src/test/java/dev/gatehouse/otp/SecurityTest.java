package dev.gatehouse.otp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TestIssuer;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * otp-service answers other services only, and each only for what it is registered for: a person's token is not
 * even authenticated here (it lacks the service audience), and a service token without the endpoint's scope is
 * refused.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class SecurityTest {

    private static final Map<String, String> VALID_BODY = Map.of("type", "LOGIN", "channel", "SMS", "destination",
            "+254700000001");
    private static final Map<String, String> MESSAGE = Map.of("channel", "EMAIL", "to", "person@example.com",
            "subject", "Hello", "text", "Hi");

    @Test
    void aUserTokenIsRefusedEverywhere() {
        String userToken = TestIssuer.shared().userToken(UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        with(userToken).body(VALID_BODY).post("/otp")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
        with(userToken).body(Map.of("code", "123456")).post("/otp/{id}/verify", id).then().statusCode(401);
        with(userToken).post("/otp/{id}/resend", id).then().statusCode(401);
        with(userToken).delete("/otp/{id}", id).then().statusCode(401);
        with(userToken).get("/otp/{id}", id).then().statusCode(401);
        with(userToken).body(MESSAGE).post("/messages").then().statusCode(401);
        with(TestIssuer.shared().adminToken(UUID.randomUUID())).body(VALID_BODY).post("/otp").then().statusCode(401);
    }

    @Test
    void aPersonsTokenClaimingScopesGetsNone() {
        String forged = TestIssuer.shared().userTokenClaimingScopes(UUID.randomUUID());
        with(forged).body(VALID_BODY).post("/otp")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        with(forged).body(MESSAGE).post("/messages").then().statusCode(403);
    }

    @Test
    void approvalServicesTokenMayDoNothingHere() {
        String approvals = TestIssuer.shared().serviceToken("approval-service");
        String id = UUID.randomUUID().toString();
        with(approvals).body(VALID_BODY).post("/otp")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        with(approvals).body(Map.of("code", "123456")).post("/otp/{id}/verify", id).then().statusCode(403);
        with(approvals).post("/otp/{id}/resend", id).then().statusCode(403);
        with(approvals).delete("/otp/{id}", id).then().statusCode(403);
        with(approvals).get("/otp/{id}", id).then().statusCode(403);
        with(approvals).body(MESSAGE).post("/messages").then().statusCode(403);
    }

    @Test
    void companyServicesTokenSendsCodesButNoMessages() {
        String companies = TestIssuer.shared().serviceToken("company-service");
        with(companies).body(MESSAGE).post("/messages")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        with(companies).body(Map.of("type", "COMPANY_VERIFICATION", "channel", "SMS", "destination",
                Otps.uniquePhone())).post("/otp").then().statusCode(201);
    }

    @Test
    void eachScopeOpensOnlyItsOwnEndpoints() {
        String sendOnly = TestIssuer.shared().serviceToken("company-service", Set.of("otp:send"));
        String id = with(sendOnly).body(Map.of("type", "LOGIN", "channel", "SMS", "destination", Otps.uniquePhone()))
                .post("/otp").then().statusCode(201).extract().path("id");
        with(sendOnly).body(Map.of("code", "123456")).post("/otp/{id}/verify", id).then().statusCode(403);
        String verifyOnly = TestIssuer.shared().serviceToken("company-service", Set.of("otp:verify"));
        with(verifyOnly).body(VALID_BODY).post("/otp").then().statusCode(403);
        with(verifyOnly).body(Map.of("code", "000000")).post("/otp/{id}/verify", id)
                .then().statusCode(422).body("code", equalTo("otp_invalid"));
    }

    @Test
    void aCodeBelongsToTheServiceThatAskedForIt() {
        String phone = Otps.uniquePhone();
        String id = Otps.create("PHONE_VERIFICATION", "SMS", phone).then().statusCode(201).extract().path("id");
        String companies = TestIssuer.shared().serviceToken("company-service");

        // company-service may verify its own codes, but auth-service's code is unknown to it.
        with(companies).body(Map.of("code", Otps.lastSmsCode(phone))).post("/otp/{id}/verify", id)
                .then().statusCode(404).body("code", equalTo("otp_not_found"));
        with(companies).get("/otp/{id}", id).then().statusCode(404);
        with(companies).post("/otp/{id}/resend", id).then().statusCode(404);
        with(companies).delete("/otp/{id}", id).then().statusCode(404);

        // Untouched: the right code still verifies for the service that asked for it.
        Otps.verify(id, Otps.lastSmsCode(phone)).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void aServiceTokenWithThePeoplesAudienceIsNotAccepted() {
        with(TestIssuer.shared().serviceTokenWithUserAudience("auth-service")).body(VALID_BODY).post("/otp")
                .then().statusCode(401);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(VALID_BODY).when().post("/otp")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .when().post("/otp/{id}/verify", UUID.randomUUID().toString()).then().statusCode(401);
    }

    @Test
    void badTokensAreUnauthorized() {
        UUID someone = UUID.randomUUID();
        TestIssuer issuer = TestIssuer.shared();
        for (String token : new String[] { issuer.expiredUserToken(someone), issuer.unsignedUserToken(someone),
                issuer.userTokenWithIssuer(someone, "https://evil.example"),
                issuer.userTokenWithAudience(someone, "someone-else"), issuer.userTokenSignedByStranger(someone),
                "not.a.jwt" }) {
            with(token).body(VALID_BODY).post("/otp")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("unauthorized"));
        }
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).when();
    }
}
