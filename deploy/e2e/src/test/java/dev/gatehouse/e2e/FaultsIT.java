package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.gatehouse.e2e.Gatehouse.Person;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Faults in a real local run: a service process is frozen (SIGSTOP) in the middle of a flow and let go again
 * (SIGCONT), never restarted. Answers during the fault are problem+json, never a 500; afterwards the flow completes
 * and nothing is half-applied. And revocation: a logged-out session's token is refused by the other services within
 * the documented five seconds.
 */
@ExtendWith(LocalRunExtension.class)
class FaultsIT {

    /** The documented bound for a revocation to reach company- and approval-service, with some slack for the run. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final Pattern OUTBOX_AGE = Pattern
            .compile("(?m)^gatehouse_outbox_oldest_age_seconds(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    @Test
    void accountDeletionWithCompanyServicePausedCompletesWhenItIsBack() throws Exception {
        Person owner = Gatehouse.signUp();
        String companyId = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Paused Ltd", "countryCode", "KE", "phoneNumber",
                        Gatehouse.uniqueKenyanMobile()))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");
        Person reader = Gatehouse.signUp();

        LocalRunProcess run = LocalRunExtension.current();
        run.pause("company-service");
        try {
            // Answered by auth-service alone: the deletion is committed with its outbox events.
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("password", Gatehouse.PASSWORD))
                    .when().delete("/users/me").then().statusCode(204);
            given().contentType(ContentType.JSON).body(Map.of("email", owner.email(), "password", Gatehouse.PASSWORD))
                    .when().post("/auth/login").then().statusCode(401);
            // Stay paused until the event has waited longer than one delivery can take (connect and read timeouts):
            // at least one try has failed, and the backlog shows in auth-service's metrics.
            Gatehouse.eventually(RECOVERY, () -> assertTrue(outboxBacklogAge() >= 8, "outbox backlog age"));
        } finally {
            run.resume("company-service");
        }

        // The relay delivers once company-service runs again: the company lost its only owner.
        long resumed = System.nanoTime();
        Gatehouse.eventually(RECOVERY, () -> given().auth().oauth2(reader.accessToken())
                .when().get("/companies/{id}", companyId)
                .then().statusCode(200).body("status", equalTo("DEACTIVATED")));
        System.out.printf("Account deletion with company-service paused: 204 at once; delivered %d ms after resume%n",
                Duration.ofNanos(System.nanoTime() - resumed).toMillis());
        Gatehouse.eventually(RECOVERY, () -> assertTrue(outboxBacklogAge() == 0, "outbox drained"));
        // And the deleted person's token, still unexpired, creates nothing.
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ghost Ltd", "countryCode", "KE", "phoneNumber", Gatehouse.uniqueKenyanMobile()))
                .when().post("/companies").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void approvalWithCompanyServicePausedIsAProblemThenCompletes() throws Exception {
        Person owner = Gatehouse.verified(Gatehouse.signUp());
        String companyId = Gatehouse.activeCompany(owner);
        Person staff = Gatehouse.verified(Gatehouse.signUp());
        String requestId = given().auth().oauth2(staff.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("companyId", companyId)).when().post("/approvals")
                .then().statusCode(201).extract().path("id");

        LocalRunProcess run = LocalRunExtension.current();
        run.pause("company-service");
        Response during;
        long asked = System.nanoTime();
        try {
            during = given().auth().oauth2(owner.accessToken()).when().post("/approvals/{id}/approve", requestId);
        } finally {
            run.resume("company-service");
        }
        System.out.printf("Approve with company-service paused: %d after %d ms%n", during.statusCode(),
                Duration.ofNanos(System.nanoTime() - asked).toMillis());
        during.then().statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo("5")).body("code", equalTo("company_service_unavailable"));

        // Nothing half-applied: the request is not approved without the member; approving again completes it.
        given().auth().oauth2(owner.accessToken()).when().get("/approvals/{id}", requestId)
                .then().statusCode(200).body("status", anyOf(equalTo("PENDING"), equalTo("APPROVING")));
        Gatehouse.eventually(RECOVERY, () -> given().auth().oauth2(owner.accessToken())
                .when().post("/approvals/{id}/approve", requestId)
                .then().statusCode(200).body("status", equalTo("APPROVED")));
        given().auth().oauth2(owner.accessToken()).when().get("/companies/{id}/members", companyId)
                .then().statusCode(200).body("userId", hasItem(staff.id()));
    }

    @Test
    void aLoggedOutSessionIsRefusedByTheOtherServicesWithinTheBound() {
        Person person = Gatehouse.signUp();
        Person otherDevice = person.loggedInAgain("phone");
        given().auth().oauth2(person.accessToken()).when().get("/companies/mine").then().statusCode(200);
        given().auth().oauth2(person.accessToken()).when().get("/approvals/mine").then().statusCode(200);

        given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/auth/logout").then().statusCode(204);

        Gatehouse.eventually(REVOCATION_BOUND, () -> given().auth().oauth2(person.accessToken())
                .when().get("/companies/mine").then().statusCode(401));
        Gatehouse.eventually(REVOCATION_BOUND, () -> given().auth().oauth2(person.accessToken())
                .when().get("/approvals/mine").then().statusCode(401));
        given().auth().oauth2(otherDevice.accessToken()).when().get("/companies/mine").then().statusCode(200);
        given().auth().oauth2(otherDevice.accessToken()).when().get("/approvals/mine").then().statusCode(200);
    }

    /** auth-service's {@code gatehouse_outbox_oldest_age_seconds}, read from its own port. */
    private static double outboxBacklogAge() {
        String port = System.getProperty(LocalRunExtension.servicePortProperty("auth-service"));
        String metrics = given().baseUri("http://127.0.0.1").port(Integer.parseInt(port))
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher age = OUTBOX_AGE.matcher(metrics);
        assertTrue(age.find(), "no outbox age in auth-service's metrics");
        return Double.parseDouble(age.group(1));
    }
}
