package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(OtpServiceStub.class)
class CompanyVerificationTest {

    @AfterEach
    void otpServiceBackUp() {
        OtpServiceStub.DOWN.set(false);
    }

    @Test
    void theOwnerVerifiesThePhoneByCodeAndTheCompanyBecomesActive() {
        UUID owner = UUID.randomUUID();
        String phone = uniquePhone();
        String companyId = create(owner, phone);

        start(owner, companyId).statusCode(202);
        String code = OtpServiceStub.CODES_BY_DESTINATION.get(phone);

        confirm(owner, companyId, code).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("companyId", equalTo(companyId));
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId)
                .then().body("status", equalTo("ACTIVE"));
        start(owner, companyId).statusCode(409).body("code", equalTo("already_verified"));
    }

    @Test
    void aWrongCodeIsPassedThroughWithTheRemainingAttempts() {
        UUID owner = UUID.randomUUID();
        String phone = uniquePhone();
        String companyId = create(owner, phone);
        start(owner, companyId).statusCode(202);
        String wrong = OtpServiceStub.CODES_BY_DESTINATION.get(phone).equals("000000") ? "111111" : "000000";

        confirm(owner, companyId, wrong).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("otp_invalid"))
                .body("remainingAttempts", equalTo(4));
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId)
                .then().body("status", equalTo("PENDING_VERIFICATION"));
    }

    @Test
    void confirmingBeforeAskingForACodeIsAConflict() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner, uniquePhone());
        confirm(owner, companyId, "123456").statusCode(409).body("code", equalTo("verification_not_started"));
    }

    @Test
    void onlyOwnersAndAdminsVerify() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner, uniquePhone());
        start(UUID.randomUUID(), companyId).statusCode(403).body("code", equalTo("not_a_member"));
    }

    @Test
    void anOwnerWithoutVerifiedEmailAndPhoneCannotVerifyACompany() {
        UUID owner = UUID.randomUUID();
        String phone = uniquePhone();
        String companyId = given().auth().oauth2(Companies.ISSUER.unverifiedUserToken(owner))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fresh Account Ltd", "countryCode", "KE", "phoneNumber", phone))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");

        given().auth().oauth2(Companies.ISSUER.unverifiedUserToken(owner))
                .when().post("/companies/" + companyId + "/verification")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("verification_required"));
        given().auth().oauth2(Companies.ISSUER.unverifiedUserToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("code", "123456"))
                .when().post("/companies/" + companyId + "/verification/confirm")
                .then().statusCode(403).body("code", equalTo("verification_required"));
        // Nothing was sent.
        assertNull(OtpServiceStub.CODES_BY_DESTINATION.get(phone));
    }

    @Test
    void theEndUsersAddressIsPassedToOtpService() {
        UUID owner = UUID.randomUUID();
        String phone = uniquePhone();
        String companyId = create(owner, phone);
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).header("X-Forwarded-For", "198.51.100.23")
                .when().post("/companies/" + companyId + "/verification").then().statusCode(202);

        JsonObject sent = OtpServiceStub.CREATED.stream().filter(body -> phone.equals(body.getString("destination")))
                .findFirst().orElseThrow();
        assertEquals("198.51.100.23", sent.getString("clientIp"));
    }

    @Test
    void anUnreachableOtpServiceIsA503NotA500() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner, uniquePhone());
        OtpServiceStub.DOWN.set(true);
        start(owner, companyId).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("otp_service_unavailable"));
    }

    @Test
    void badCodeFormatIsAFieldError() {
        UUID owner = UUID.randomUUID();
        String companyId = create(owner, uniquePhone());
        confirm(owner, companyId, "12ab").statusCode(400).body("errors[0].field", equalTo("code"));
    }

    private static String create(UUID owner, String phone) {
        return given().auth().oauth2(Companies.ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Verified Ltd", "countryCode", "KE", "phoneNumber", phone))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");
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

    private static String uniquePhone() {
        return "+2547" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }
}
