package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Flow 1 end to end inside auth-service: the status follows the two flags, and so do the next tokens. */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class VerificationStatusTest {

    @Inject
    Database database;

    /** The status the API shows is the one PostgreSQL computes in the generated column. */
    private void storedStatusIs(People me, String status) {
        assertEquals(status, database.query("select verification_status from users where id = ?",
                UUID.fromString(me.id())).get(0).get("verification_status"));
    }

    @Test
    void unverifiedThenPartiallyVerifiedThenVerified() {
        People me = People.signUp();
        me.asMe().when().get("/users/me").then().body("verificationStatus", equalTo("UNVERIFIED"));
        storedStatusIs(me, "UNVERIFIED");
        JsonPath before = People.claims(me.accessToken());
        assertFalse(before.getBoolean("email_verified"));
        assertFalse(before.getBoolean("phone_number_verified"));

        PhoneVerificationTest.send(me).statusCode(202);
        PhoneVerificationTest.confirm(me, OtherServicesStub.CODES.get(me.phone())).statusCode(200)
                .body("verificationStatus", equalTo("PARTIALLY_VERIFIED"));
        storedStatusIs(me, "PARTIALLY_VERIFIED");

        EmailVerificationTest.send(me).statusCode(202);
        EmailVerificationTest.open(EmailVerificationTest.linkToken(me.email())).statusCode(200);
        me.asMe().when().get("/users/me").then()
                .body("emailVerified", equalTo(true))
                .body("phoneVerified", equalTo(true))
                .body("verificationStatus", equalTo("VERIFIED"));
        storedStatusIs(me, "VERIFIED");

        // Claims are read from the account whenever a token is issued: the next refresh carries both flags.
        String refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", me.refreshToken()))
                .when().post("/auth/refresh").then().statusCode(200).extract().path("accessToken");
        JsonPath after = People.claims(refreshed);
        assertTrue(after.getBoolean("email_verified"));
        assertTrue(after.getBoolean("phone_number_verified"));
        assertEquals(me.email(), after.getString("email"));
    }
}
