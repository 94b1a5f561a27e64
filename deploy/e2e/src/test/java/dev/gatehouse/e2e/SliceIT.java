package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The first vertical slice through the gateway, exactly as API.md writes it: sign up, log in, register a company
 * and find it again. Every run uses its own email address and phone number.
 */
@ExtendWith(LocalRunExtension.class)
class SliceIT {

    private static final String PASSWORD = Gatehouse.PASSWORD;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern ONE_TIME_CODE = Pattern.compile("\\b\\d{4,8}\\b");

    @Test
    void signUpLogInAndRegisterACompany() {
        String email = Gatehouse.uniqueEmail();
        String phoneNumber = Gatehouse.uniqueKenyanMobile();

        String userId = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "phoneNumber", phoneNumber))
                .when().post("/auth/register")
                .then().statusCode(201)
                .body("id", not(emptyOrNullString()))
                .body("email", equalTo(email))
                .body("phoneNumber", equalTo(phoneNumber))
                .body("emailVerified", equalTo(false))
                .body("phoneVerified", equalTo(false))
                .body("verificationStatus", notNullValue())
                .extract().path("id");

        String accessToken = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "deviceId", "e2e-" + UUID.randomUUID()))
                .when().post("/auth/login")
                .then().statusCode(200)
                .body("accessToken", not(emptyOrNullString()))
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", greaterThan(0))
                .body("refreshToken", not(emptyOrNullString()))
                .body("refreshExpiresIn", greaterThan(0))
                .body("sessionId", not(emptyOrNullString()))
                .extract().path("accessToken");

        String name = "Slice Test " + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("name", name, "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(201)
                .body("companyId", not(emptyOrNullString()))
                .body("name", equalTo(name))
                .body("countryCode", equalTo("KE"))
                .body("phoneNumber", equalTo("+254712345678"))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .extract();
        String companyId = created.path("companyId");
        // A Location may be absolute (built from the Host the gateway passed on) or relative; its path is fixed.
        assertThat(created.header("Location"), endsWith("/companies/" + companyId));

        given().auth().oauth2(accessToken)
                .when().get("/companies/{companyId}", companyId)
                .then().statusCode(200)
                .body("companyId", equalTo(companyId))
                .body("name", equalTo(name))
                .body("countryCode", equalTo("KE"))
                .body("phoneNumber", equalTo("+254712345678"))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("createdAt", notNullValue());

        given().auth().oauth2(accessToken)
                .when().get("/companies/mine")
                .then().statusCode(200)
                .body("find { it.companyId == '" + companyId + "' }.role", equalTo("OWNER"));

        given().auth().oauth2(accessToken)
                .when().get("/companies/{companyId}/members", companyId)
                .then().statusCode(200)
                .body("find { it.userId == '" + userId + "' }.role", equalTo("OWNER"));
    }

    /** The dev inbox at work: the SMS code travels company-service → otp-service → the Twilio stub. */
    @Test
    void verifiesACompanyPhoneWithTheCodeFromTheDevInbox() {
        // Only an owner who proved their own email and phone may verify a company.
        String accessToken = Gatehouse.verified(Gatehouse.signUp()).accessToken();
        String companyPhone = Gatehouse.uniqueKenyanMobile();
        String companyId = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Inbox Ltd", "countryCode", "KE", "phoneNumber", companyPhone))
                .when().post("/companies")
                .then().statusCode(201)
                .extract().path("companyId");

        given().auth().oauth2(accessToken)
                .when().post("/companies/{companyId}/verification", companyId)
                .then().statusCode(202);

        String sms = given().queryParam("to", companyPhone)
                .when().get("/dev/inbox")
                .then().statusCode(200)
                .body("[0].channel", equalTo("SMS"))
                .body("[0].to", equalTo(companyPhone))
                .extract().path("[0].text");
        Matcher code = ONE_TIME_CODE.matcher(sms);
        assertTrue(code.find(), "no code in: " + sms);

        given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("code", code.group()))
                .when().post("/companies/{companyId}/verification/confirm", companyId)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void registeringACompanyNeedsAToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "No Token Ltd", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
    }

    @Test
    void registeringWithABadEmailNamesTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", PASSWORD, "phoneNumber", Gatehouse.uniqueKenyanMobile()))
                .when().post("/auth/register")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void publishesTheSigningKeys() {
        given().when().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys", not(empty()))
                .body("keys.kid", everyItem(not(emptyOrNullString())))
                .body("keys.d", everyItem(nullValue()));
    }

    @Test
    void devInboxAnswersWithAList() {
        given().queryParam("to", Gatehouse.uniqueEmail())
                .when().get("/dev/inbox")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("$", instanceOf(List.class));
    }

    @Test
    void otpServiceIsNotReachableThroughTheGateway() {
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "LOGIN", "channel", "SMS", "destination", Gatehouse.uniqueKenyanMobile()))
                .when().post("/otp")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    /** Service tokens are issued inside the cluster only: a leaked client secret is no use from outside. */
    @Test
    void theServiceTokenEndpointIsNotReachableThroughTheGateway() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "company-service")
                .formParam("client_secret", "anything")
                .when().post("/auth/token")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    /**
     * The dev inbox belongs to the local gateway alone: the services run in their production profile here, and none
     * of them serves it (nor does any Kubernetes route, as deploy/local's RouteTableTest and deploy/k8s/check show).
     */
    @Test
    void noServiceServesTheDevInbox() {
        for (String service : List.of("auth-service", "otp-service", "company-service", "approval-service")) {
            int port = Integer.parseInt(System.getProperty(LocalRunExtension.servicePortProperty(service)));
            given().baseUri("http://127.0.0.1").port(port).queryParam("to", "ada@example.com")
                    .when().get("/dev/inbox")
                    .then().statusCode(404);
        }
    }
}
