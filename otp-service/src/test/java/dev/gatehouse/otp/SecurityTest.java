package dev.gatehouse.otp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TestIssuer;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** otp-service answers other services only: a person's token is refused, a bad token is not a token. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class SecurityTest {

    private static final Map<String, String> VALID_BODY = Map.of("type", "LOGIN", "channel", "SMS", "destination",
            "+254700000001");

    @Test
    void aUserTokenIsForbiddenEverywhere() {
        String userToken = TestIssuer.shared().userToken(UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        with(userToken).body(VALID_BODY).post("/otp")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        with(userToken).body(Map.of("code", "123456")).post("/otp/{id}/verify", id).then().statusCode(403);
        with(userToken).post("/otp/{id}/resend", id).then().statusCode(403);
        with(userToken).delete("/otp/{id}", id).then().statusCode(403);
        with(userToken).get("/otp/{id}", id).then().statusCode(403);
        with(userToken).body(Map.of("channel", "EMAIL", "to", "person@example.com", "subject", "Hello", "text", "Hi"))
                .post("/messages").then().statusCode(403).body("code", equalTo("forbidden"));
        with(TestIssuer.shared().adminToken(UUID.randomUUID())).body(VALID_BODY).post("/otp").then().statusCode(403);
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
