package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.service.LoginThrottle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class AccountTest {

    @Inject
    LoginThrottle throttle;

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

        login(me.email(), Accounts.PASSWORD).statusCode(401);
        refresh(me.refreshToken()).statusCode(401);
        me.asMe().when().get("/users/me").then().statusCode(401);
        for (String table : List.of("users where id", "sessions where user_id", "refresh_tokens where user_id",
                "software_background where user_id", "verification_challenges where user_id")) {
            assertEquals(0, database.count("select count(*) from " + table + " = ?::uuid", me.id()), table);
        }
        assertEquals(1, database.count(
                "select count(*) from audit_events where user_id = ?::uuid and event_type = 'user.deleted'", me.id()));
        // The relay tells both services, and each acknowledges.
        awaitDelivered(me, "company-service");
        awaitDelivered(me, "approval-service");
        assertTrue(removalsOf(me).containsAll(List.of("approval:" + me.id(), "company:" + me.id())));
        // The address is free again.
        Accounts.register(me.email(), Accounts.uniquePhone());
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        People me = People.signUp();
        delete(me, "not the password 1").statusCode(403).body("code", equalTo("invalid_credentials"));
        assertEquals(0, outboxRows(me));
        login(me.email(), Accounts.PASSWORD).statusCode(200);
    }

    /**
     * With company-service down the deletion is still answered at once: the account is gone here, approval-service
     * is told, and company-service gets the event, retried with back-off, once it is back.
     */
    @Test
    void whenCompanyServiceIsDownTheDeletionCompletesWhenItIsBack() {
        People me = People.signUp();
        OtherServicesStub.COMPANY_DOWN.set(true);

        delete(me, Accounts.PASSWORD).statusCode(204);
        login(me.email(), Accounts.PASSWORD).statusCode(401);
        awaitDelivered(me, "approval-service");
        awaitAttempts(me, "company-service", 2);
        assertEquals("PENDING", outboxStatus(me, "company-service"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gatehouse_outbox_pending"), "the backlog is a metric");
        assertTrue(metrics.contains("gatehouse_outbox_oldest_age_seconds"), "so is its age");

        OtherServicesStub.COMPANY_DOWN.set(false);
        awaitDelivered(me, "company-service");
        assertTrue(removalsOf(me).contains("company:" + me.id()));
    }

    @Test
    void whenApprovalServiceIsUnreachableTheDeletionCompletesWhenItIsBack() {
        People me = People.signUp();
        OtherServicesStub.APPROVAL_DOWN.set(true);

        delete(me, Accounts.PASSWORD).statusCode(204);
        awaitDelivered(me, "company-service");
        awaitAttempts(me, "approval-service", 2);

        OtherServicesStub.APPROVAL_DOWN.set(false);
        awaitDelivered(me, "approval-service");
    }

    /** company-service took the event in but its answer was lost: the event comes again, and is acknowledged. */
    @Test
    void aLostAcknowledgementMeansTheEventIsDeliveredAgain() {
        People me = People.signUp();
        OtherServicesStub.COMPANY_LOSES_ANSWERS.set(1);

        delete(me, Accounts.PASSWORD).statusCode(204);
        awaitDelivered(me, "company-service");
        assertEquals(2, removalsOf(me).stream().filter(removal -> removal.startsWith("company:")).count());
    }

    /**
     * The race behind a parallel deletion's confirmation, made certain: a comparison reserved for an account that is
     * gone is refused (403 for the request), not a foreign-key violation (500).
     */
    @Test
    void aComparisonForAnAccountDeletedMeanwhileIsRefused() {
        assertFalse(throttle.reserve(UUID.randomUUID(), LoginThrottle.ACCOUNT).await().atMost(Duration.ofSeconds(10)));
    }

    /** Deleting twice at once: one deletion wins, the other finds no account, and each event is queued once. */
    @Test
    void concurrentDeletionsQueueEachEventOnce() throws Exception {
        People me = People.signUp();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = pool.invokeAll(Collections.nCopies(4,
                    () -> delete(me, Accounts.PASSWORD).extract().statusCode()));
            long deleted = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 204 || status == 401 || status == 403, "unexpected " + status);
                deleted += status == 204 ? 1 : 0;
            }
            assertEquals(1, deleted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, outboxRows(me));
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

    private long outboxRows(People person) {
        return database.count("select count(*) from outbox_events where subject_id = ?::uuid", person.id());
    }

    private String outboxStatus(People person, String destination) {
        return (String) database.query("select status from outbox_events where subject_id = ?::uuid"
                + " and event_type = 'user-deleted' and destination = ?", person.id(), destination).get(0)
                .get("status");
    }

    /** Waits, with a deadline, for the relay to get the event acknowledged. */
    private void awaitDelivered(People person, String destination) {
        awaitRow(person, destination, "status = 'DELIVERED'");
    }

    private void awaitAttempts(People person, String destination, int attempts) {
        awaitRow(person, destination, "attempts >= " + attempts + " and last_error is not null");
    }

    private void awaitRow(People person, String destination, String condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String sql = "select count(*) from outbox_events where subject_id = ?::uuid and destination = ? and "
                + condition;
        while (database.count(sql, person.id(), destination) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no outbox row for " + destination + " with " + condition + ": "
                        + database.query("select * from outbox_events where subject_id = ?::uuid", person.id()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
