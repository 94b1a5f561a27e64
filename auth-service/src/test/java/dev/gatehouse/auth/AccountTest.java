package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class AccountTest {

    private static final String NEW_PASSWORD = "battery staple 77";

    @Inject
    Database database;

    @AfterEach
    void stubBackToNormal() {
        OtherServicesStub.reset();
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButThisOne() {
        People me = People.signUp();
        JsonPath otherDevice = Accounts.login(me.email(), "tablet");

        changePassword(me, Accounts.PASSWORD, NEW_PASSWORD).statusCode(204);

        refresh(otherDevice.getString("refreshToken")).statusCode(401);
        refresh(me.refreshToken()).statusCode(200);
        me.asMe().when().get("/users/me/sessions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(me.sessionId()));
        login(me.email(), Accounts.PASSWORD).statusCode(401).body("code", equalTo("invalid_credentials"));
        login(me.email(), NEW_PASSWORD).statusCode(200);
        String hash = (String) database.query("select password_hash from users where id = ?::uuid", me.id()).get(0)
                .get("password_hash");
        assertTrue(hash.startsWith("$argon2id$"));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        People me = People.signUp();
        changePassword(me, "not the password 1", NEW_PASSWORD).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("invalid_credentials"));
        login(me.email(), Accounts.PASSWORD).statusCode(200);
        refresh(me.refreshToken()).statusCode(200);
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLoginLock() {
        People me = People.signUp();
        for (int i = 0; i < 3; i++) {
            changePassword(me, "not the password " + i, NEW_PASSWORD).statusCode(403);
        }
        // Locked: the right password is answered exactly like a wrong one, here and at login from a new device.
        changePassword(me, Accounts.PASSWORD, NEW_PASSWORD).statusCode(403).body("code", equalTo("invalid_credentials"));
        login(me.email(), Accounts.PASSWORD).statusCode(401).body("code", equalTo("invalid_credentials"));
        assertEquals(1, database.count("select count(*) from login_throttles where user_id = ?::uuid "
                + "and scope = 'account' and locked_until > now()", me.id()));
    }

    @Test
    void aWeakOrUnchangedNewPasswordIsAFieldError() {
        People me = People.signUp();
        for (String weak : List.of("short1", "onlyletterslong", "x".repeat(129) + "1")) {
            changePassword(me, Accounts.PASSWORD, weak).statusCode(400)
                    .body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("newPassword"));
        }
        changePassword(me, Accounts.PASSWORD, Accounts.PASSWORD).statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));
        me.asMe().body(Map.of("newPassword", NEW_PASSWORD)).when().post("/users/me/password")
                .then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        login(me.email(), Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void deletingTheAccountRemovesItsDataHereAndInTheOtherServices() {
        People me = People.signUp();
        me.asMe().body(Map.of("experienceLevel", "expert", "preferredLanguages", List.of("java")))
                .when().put("/users/me/background/software").then().statusCode(201);
        PhoneVerificationTest.send(me).statusCode(202);

        delete(me, Accounts.PASSWORD).statusCode(204);

        assertEquals(List.of("approval:" + me.id(), "company:" + me.id()), removalsOf(me));
        login(me.email(), Accounts.PASSWORD).statusCode(401);
        refresh(me.refreshToken()).statusCode(401);
        me.asMe().when().get("/users/me").then().statusCode(401);
        for (String table : List.of("users where id", "sessions where user_id", "refresh_tokens where user_id",
                "software_background where user_id", "verification_challenges where user_id")) {
            assertEquals(0, database.count("select count(*) from " + table + " = ?::uuid", me.id()), table);
        }
        assertEquals(1, database.count(
                "select count(*) from audit_events where user_id = ?::uuid and event_type = 'user.deleted'", me.id()));
        // The address is free again.
        Accounts.register(me.email(), Accounts.uniquePhone());
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        People me = People.signUp();
        delete(me, "not the password 1").statusCode(403).body("code", equalTo("invalid_credentials"));
        assertTrue(removalsOf(me).isEmpty());
        login(me.email(), Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void whenCompanyServiceIsDownTheAccountStaysAndTheDeletionCanBeRetried() {
        People me = People.signUp();
        OtherServicesStub.COMPANY_DOWN.set(true);
        delete(me, Accounts.PASSWORD).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("account_deletion_unavailable"));
        login(me.email(), Accounts.PASSWORD).statusCode(200);
        me.asMe().when().get("/users/me").then().statusCode(200);

        OtherServicesStub.COMPANY_DOWN.set(false);
        delete(me, Accounts.PASSWORD).statusCode(204);
        assertTrue(removalsOf(me).contains("company:" + me.id()));
        login(me.email(), Accounts.PASSWORD).statusCode(401);
    }

    @Test
    void whenApprovalServiceIsUnreachableNothingIsDeleted() {
        People me = People.signUp();
        OtherServicesStub.APPROVAL_DOWN.set(true);
        delete(me, Accounts.PASSWORD).statusCode(503).body("code", equalTo("account_deletion_unavailable"));
        // Requests go first: company-service was not asked either.
        assertTrue(removalsOf(me).isEmpty());
        login(me.email(), Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void deletingNeedsThePassword() {
        People me = People.signUp();
        me.asMe().body(Map.of()).when().delete("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
        me.asMe().when().delete("/users/me").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD))
                .when().delete("/users/me").then().statusCode(401);
        login(me.email(), Accounts.PASSWORD).statusCode(200);
    }

    private static List<String> removalsOf(People person) {
        return OtherServicesStub.REMOVALS.stream().filter(removal -> removal.endsWith(person.id())).toList();
    }

    private static ValidatableResponse changePassword(People person, String current, String next) {
        return person.asMe().body(Map.of("currentPassword", current, "newPassword", next))
                .when().post("/users/me/password").then();
    }

    private static ValidatableResponse delete(People person, String password) {
        return person.asMe().body(Map.of("password", password)).when().delete("/users/me").then();
    }

    private static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login").then();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh").then();
    }
}
