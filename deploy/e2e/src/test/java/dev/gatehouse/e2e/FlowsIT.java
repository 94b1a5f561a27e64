package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.gatehouse.e2e.Gatehouse.Person;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The flows of the architecture brief, end to end through the gateway of a real local run. */
@ExtendWith(LocalRunExtension.class)
class FlowsIT {

    /** Flow 1: sign up, verify the phone by SMS and the email by the emailed link; the status follows. */
    @Test
    void signUpAndVerifyPhoneAndEmail() {
        Person person = Gatehouse.signUp();
        String token = person.accessToken();

        String code = Gatehouse.awaitCode(person.phone(),
                () -> given().auth().oauth2(token).when().post("/users/me/phone/verification").then().statusCode(202));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when().post("/users/me/phone/verification/confirm")
                .then().statusCode(200)
                .body("phoneVerified", equalTo(true))
                .body("verificationStatus", equalTo("PARTIALLY_VERIFIED"));

        String link = Gatehouse.awaitLink(person.email(),
                () -> given().auth().oauth2(token).when().post("/users/me/email/verification").then().statusCode(202));
        given().when().get(link)
                .then().statusCode(200).contentType(containsString("text/html"));

        given().auth().oauth2(token).when().get("/users/me")
                .then().statusCode(200)
                .body("emailVerified", equalTo(true))
                .body("phoneVerified", equalTo(true))
                .body("verificationStatus", equalTo("VERIFIED"));
    }

    /** Flow 2: two devices, list them, revoke one; its refresh token stops working, the other's does not. */
    @Test
    void twoDevicesRevokeOneThenLogOutEverywhere() {
        Person laptop = Gatehouse.signUp();
        JsonPath phone = Gatehouse.login(laptop.email(), Gatehouse.PASSWORD, "phone");

        given().auth().oauth2(laptop.accessToken()).header("User-Agent", "e2e")
                .when().get("/users/me/sessions")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("deviceId", hasItem("phone"))
                .body("find { it.deviceId == 'laptop' }.current", equalTo(true));

        given().auth().oauth2(laptop.accessToken())
                .when().delete("/users/me/sessions/{id}", phone.getString("sessionId"))
                .then().statusCode(204);
        refresh(phone.getString("refreshToken")).then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        String rotated = refresh(laptop.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        given().auth().oauth2(laptop.accessToken()).when().post("/auth/logout-all").then().statusCode(204);
        refresh(rotated).then().statusCode(401);
    }

    /** Flow 3, by email link: the link opens a page with a form; the reset ends every session. */
    @Test
    void forgotPasswordByEmailLink() {
        Person person = Gatehouse.signUp();
        String link = Gatehouse.awaitLink(person.email(), () -> given().contentType(ContentType.JSON)
                .body(Map.of("email", person.email(), "method", "email_link"))
                .when().post("/auth/password/forgot").then().statusCode(202));
        given().when().get(link)
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("<form"));
        String resetToken = link.substring(link.indexOf("token=") + "token=".length());

        String newPassword = "A-brand-new-password-7";
        given().contentType(ContentType.JSON)
                .body(Map.of("token", java.net.URLDecoder.decode(resetToken, java.nio.charset.StandardCharsets.UTF_8),
                        "newPassword", newPassword))
                .when().post("/auth/password/reset").then().statusCode(204);

        refresh(person.refreshToken()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", person.email(), "password", Gatehouse.PASSWORD))
                .when().post("/auth/login").then().statusCode(401);
        Gatehouse.login(person.email(), newPassword, "laptop");
    }

    /** Flow 3, by emailed code. */
    @Test
    void forgotPasswordByEmailedCode() {
        Person person = Gatehouse.signUp();
        String code = Gatehouse.awaitCode(person.email(), () -> given().contentType(ContentType.JSON)
                .body(Map.of("email", person.email(), "method", "email_otp"))
                .when().post("/auth/password/forgot").then().statusCode(202));

        String newPassword = "Another-new-password-8";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", person.email(), "code", code, "newPassword", newPassword))
                .when().post("/auth/password/reset").then().statusCode(204);
        Gatehouse.login(person.email(), newPassword, "laptop");
    }

    /**
     * Flows 4, 5 and 7: a verified company; a verified user asks to join and is approved (the membership appears),
     * another is rejected with a reason, a third cancels; then the approved member deletes the account and
     * disappears from the company.
     */
    @Test
    void joinACompanyThenDeleteTheAccount() {
        // Only an owner who proved their own email and phone may verify a company.
        Person owner = Gatehouse.verified(Gatehouse.signUp());
        String companyId = Gatehouse.activeCompany(owner);
        given().auth().oauth2(owner.accessToken()).when().get("/companies/mine")
                .then().body("find { it.companyId == '" + companyId + "' }.role", equalTo("OWNER"))
                .body("find { it.companyId == '" + companyId + "' }.status", equalTo("ACTIVE"));

        Person staff = Gatehouse.verified(Gatehouse.signUp());
        String approvedId = ask(staff, companyId);
        given().auth().oauth2(owner.accessToken()).queryParam("companyId", companyId).queryParam("status", "PENDING")
                .when().get("/approvals")
                .then().statusCode(200).body("items.id", hasItem(approvedId));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/approvals/{id}/approve", approvedId)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(owner.accessToken()).when().get("/companies/{id}/members", companyId)
                .then().statusCode(200).body("find { it.userId == '" + staff.id() + "' }.role", equalTo("STAFF"));

        Person rejected = Gatehouse.verified(Gatehouse.signUp());
        String rejectedId = ask(rejected, companyId);
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "We are not hiring right now"))
                .when().post("/approvals/{id}/reject", rejectedId)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(rejected.accessToken()).when().get("/approvals/mine")
                .then().statusCode(200).body("find { it.id == '" + rejectedId + "' }.status", equalTo("REJECTED"));

        Person hesitant = Gatehouse.verified(Gatehouse.signUp());
        String cancelledId = ask(hesitant, companyId);
        given().auth().oauth2(hesitant.accessToken()).when().post("/approvals/{id}/cancel", cancelledId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        given().auth().oauth2(staff.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("password", Gatehouse.PASSWORD))
                .when().delete("/users/me").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("email", staff.email(), "password", Gatehouse.PASSWORD))
                .when().post("/auth/login").then().statusCode(401);
        // The other services are told through auth-service's outbox, a moment after the answer.
        Gatehouse.eventually(Duration.ofSeconds(15), () -> given().auth().oauth2(owner.accessToken())
                .when().get("/companies/{id}/members", companyId)
                .then().statusCode(200).body("userId", not(hasItem(staff.id()))));
        Gatehouse.eventually(Duration.ofSeconds(15), () -> given().auth().oauth2(owner.accessToken())
                .queryParam("companyId", companyId).when().get("/approvals")
                .then().statusCode(200).body("items.id", not(hasItem(approvedId))));
    }

    /** Flow 6: a person fills in their backgrounds and reads them back. */
    @Test
    void fillInBackgrounds() {
        Person person = Gatehouse.signUp();
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("experienceLevel", "advanced", "preferredLanguages", java.util.List.of("Java", "Go"),
                        "preferredFrameworks", java.util.List.of("Quarkus")))
                .when().put("/users/me/background/software").then().statusCode(201);
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("experienceLevel", "beginner", "preferredPlatforms", java.util.List.of("Raspberry Pi"),
                        "deviceTypes", java.util.List.of("sensor")))
                .when().put("/users/me/background/hardware").then().statusCode(201);
        // A second PUT replaces what the first created.
        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("experienceLevel", "intermediate", "preferredPlatforms", java.util.List.of("Arduino"),
                        "deviceTypes", java.util.List.of("robot")))
                .when().put("/users/me/background/hardware").then().statusCode(200);
        given().auth().oauth2(person.accessToken()).when().get("/users/me/background/software")
                .then().statusCode(200).body("experienceLevel", equalTo("advanced"))
                .body("preferredLanguages", hasItem("java"));
        given().auth().oauth2(person.accessToken()).queryParam("language", "java").when().get("/users")
                .then().statusCode(403);
    }

    private static String ask(Person person, String companyId) {
        return given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("companyId", companyId, "message", "I work here"))
                .when().post("/approvals")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }
}
