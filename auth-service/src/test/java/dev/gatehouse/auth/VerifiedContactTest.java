package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * {@code GET /internal/users/{id}/contact}: only what a person has verified is given out, only to a service token with
 * {@code contacts:read} (approval-service's); every other service's token, and every person's, is refused.
 */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class VerifiedContactTest {

    @AfterEach
    void stubBackToNormal() {
        OtherServicesStub.reset();
    }

    @Test
    void anUnverifiedAddressAndPhoneAreLeftOut() {
        People me = People.signUp();
        contact(approvalServiceToken(), me.id()).statusCode(200)
                .body("userId", equalTo(me.id()))
                .body("email", nullValue())
                .body("phoneNumber", nullValue());
    }

    @Test
    void eachValueAppearsOnceItIsVerified() {
        People me = People.signUp();
        PhoneVerificationTest.send(me).statusCode(202);
        PhoneVerificationTest.confirm(me, OtherServicesStub.CODES.get(me.phone())).statusCode(200);
        contact(approvalServiceToken(), me.id()).statusCode(200)
                .body("phoneNumber", equalTo(me.phone()))
                .body("email", nullValue());

        EmailVerificationTest.send(me).statusCode(202);
        EmailVerificationTest.confirm(me, OtherServicesStub.CODES.get(me.email())).statusCode(200);
        contact(approvalServiceToken(), me.id()).statusCode(200)
                .body("phoneNumber", equalTo(me.phone()))
                .body("email", equalTo(me.email()));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        contact(approvalServiceToken(), UUID.randomUUID().toString()).statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("user_not_found"));
        contact(approvalServiceToken(), "not-a-uuid").statusCode(404).body("code", equalTo("user_not_found"));
    }

    @Test
    void onlyATokenWithContactsReadIsAnswered() {
        People me = People.signUp();
        contact(RevocationFeedTest.serviceToken(), me.id()).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        contact(approvalServiceToken("members:read members:write revocations:read"), me.id()).statusCode(403);
        contact(me.accessToken(), me.id()).statusCode(403).contentType("application/problem+json");
        given().when().get("/internal/users/" + me.id() + "/contact").then().statusCode(401);
    }

    @Test
    void onlyApprovalServiceIsRegisteredForTheScope() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "company-service")
                .formParam("client_secret", "test-company-secret").formParam("scope", "contacts:read")
                .when().post("/auth/token").then().statusCode(400);
    }

    static String approvalServiceToken() {
        return approvalServiceToken(null);
    }

    private static String approvalServiceToken(String scope) {
        var request = given().formParam("grant_type", "client_credentials").formParam("client_id", "approval-service")
                .formParam("client_secret", "test-approval-secret");
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.when().post("/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static ValidatableResponse contact(String token, String userId) {
        return given().auth().oauth2(token).when().get("/internal/users/" + userId + "/contact").then();
    }
}
