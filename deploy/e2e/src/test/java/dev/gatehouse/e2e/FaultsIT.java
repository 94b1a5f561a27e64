package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.gatehouse.e2e.Gatehouse.Person;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Faults in a real local run: a service process is frozen (SIGSTOP) in the middle of a flow and let go again
 * (SIGCONT), never restarted. Answers during the fault are problem+json, never a 500; afterwards the flow completes
 * and nothing is half-applied. Every PostgreSQL process is frozen too, under a trickle of traffic: each answer is a
 * problem within the gateway's bound and nothing is lost. Each fault prints what the client saw and how long recovery
 * took. And revocation: a logged-out session's token is refused by the other services within
 * the documented five seconds.
 */
@ExtendWith(LocalRunExtension.class)
class FaultsIT {

    /** The documented bound for a revocation to reach company- and approval-service, with some slack for the run. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    /** How long every PostgreSQL process stays frozen. */
    private static final Duration DATABASE_PAUSE = Duration.ofSeconds(15);
    /**
     * The longest a request through the gateway may take while a dependency is frozen: the routes' timeout (10 s,
     * documented in deploy/CONFIGURATION.md) plus slack for a busy machine. Past it the request counts as hung.
     */
    private static final Duration HANG = Duration.ofSeconds(13);
    /** A readiness probe answers within the services' readiness timeout (1 s) plus slack; a hang is a failure. */
    private static final Duration READINESS_BOUND = Duration.ofSeconds(3);
    /** A frozen peer gives a 503 within its client's fault-tolerance timeout (at most 5 s) plus slack. */
    private static final Duration PEER_BOUND = Duration.ofSeconds(8);
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

    /**
     * otp-service frozen while a person confirms a code and asks for another: both answers are a quick 503 with
     * Retry-After, the phone is not marked verified, and once otp-service runs again the code sent before the fault
     * still verifies the phone. The frozen calls reach otp-service only after their caller gave up, and it then does
     * nothing with them (their deadline is past): no code is spent, none superseded, no message sent.
     */
    @Test
    void phoneVerificationWithOtpServicePausedIsAProblemThenCompletes() throws Exception {
        Person person = Gatehouse.signUp();
        String code = Gatehouse.awaitCode(person.phone(), () -> given().auth().oauth2(person.accessToken())
                .when().post("/users/me/phone/verification").then().statusCode(202));
        int messagesBefore = Gatehouse.inboxSize(person.phone());

        LocalRunProcess run = LocalRunExtension.current();
        Timed confirmDuring;
        Timed sendDuring;
        run.pause("otp-service");
        try {
            confirmDuring = Timed.of(() -> given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("code", code)).when().post("/users/me/phone/verification/confirm"));
            sendDuring = Timed.of(() -> given().auth().oauth2(person.accessToken())
                    .when().post("/users/me/phone/verification"));
        } finally {
            run.resume("otp-service");
        }
        long resumed = System.nanoTime();
        System.out.printf("Phone verification with otp-service paused: confirm %d after %d ms, send %d after %d ms%n",
                confirmDuring.response().statusCode(), confirmDuring.millis(), sendDuring.response().statusCode(),
                sendDuring.millis());
        for (Timed during : List.of(confirmDuring, sendDuring)) {
            during.response().then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", notNullValue()).body("code", equalTo("otp_service_unavailable"));
            assertTrue(during.millis() < PEER_BOUND.toMillis(), "a paused otp-service held the client "
                    + during.millis() + " ms");
        }
        given().auth().oauth2(person.accessToken()).when().get("/users/me")
                .then().statusCode(200).body("phoneVerified", equalTo(false));

        // The code sent once, before the fault, is the one that verifies the phone.
        Gatehouse.eventually(RECOVERY, () -> given().auth().oauth2(person.accessToken())
                .contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/users/me/phone/verification/confirm")
                .then().statusCode(200).body("phoneVerified", equalTo(true)));
        System.out.printf("Phone verification with otp-service paused: confirmed %d ms after resume%n",
                Duration.ofNanos(System.nanoTime() - resumed).toMillis());
        assertEquals(messagesBefore, Gatehouse.inboxSize(person.phone()),
                "a message was sent for a request its caller had given up on");
    }

    /**
     * Every PostgreSQL process frozen for 15 s under a trickle of logins, {@code /users/me} and company reads, with
     * readiness probed alongside. Each answer is a 2xx (the database answered before or after the fault), or a 503 or
     * 504 problem+json, within the gateway's route timeout plus slack; readiness answers within its own timeout plus
     * slack, UP or DOWN; everything recovers without a restart, and nothing written before the fault is lost.
     */
    @Test
    void aPausedDatabaseGivesProblemsWithinTheBoundAndNothingIsLost() throws Exception {
        List<Person> people = List.of(Gatehouse.signUp(), Gatehouse.signUp(), Gatehouse.signUp());
        String companyName = "Stalled " + UUID.randomUUID().toString().substring(0, 8);
        String companyId = given().auth().oauth2(people.get(0).accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", companyName, "countryCode", "KE", "phoneNumber", Gatehouse.uniqueKenyanMobile()))
                .when().post("/companies").then().statusCode(201).extract().path("companyId");
        Person lastBeforeTheFault = Gatehouse.signUp();

        LocalRunProcess run = LocalRunExtension.current();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService trickle = Executors.newFixedThreadPool(128);
        List<Future<Answer>> answers = new ArrayList<>();
        List<Future<Answer>> probes = new ArrayList<>();
        String gateway = "http://127.0.0.1:" + run.gatewayPort();
        List<Long> frozen = run.pauseDatabase();
        long paused = System.nanoTime();
        try {
            for (int tick = 0; System.nanoTime() - paused < DATABASE_PAUSE.toNanos(); tick++) {
                Person person = people.get(tick % people.size());
                answers.add(trickle.submit(() -> ask(http, "login", HttpRequest
                        .newBuilder(URI.create(gateway + "/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + person.email()
                                + "\",\"password\":\"" + Gatehouse.PASSWORD + "\",\"deviceId\":\"trickle\"}")))));
                answers.add(trickle.submit(() -> ask(http, "users/me", HttpRequest
                        .newBuilder(URI.create(gateway + "/users/me"))
                        .header("Authorization", "Bearer " + person.accessToken()).GET())));
                answers.add(trickle.submit(() -> ask(http, "company", HttpRequest
                        .newBuilder(URI.create(gateway + "/companies/" + companyId))
                        .header("Authorization", "Bearer " + person.accessToken()).GET())));
                if (tick % 2 == 0) {
                    for (Map.Entry<String, Integer> service : run.servicePorts().entrySet()) {
                        probes.add(trickle.submit(() -> ask(http, service.getKey() + " readiness", HttpRequest
                                .newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/q/health/ready"))
                                .GET())));
                    }
                }
                Thread.sleep(500);
            }
        } finally {
            run.resumeDatabase(frozen);
        }
        long resumed = System.nanoTime();

        List<Answer> seen = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            seen.add(answer.get(HANG.toSeconds() + 30, TimeUnit.SECONDS));
        }
        List<Answer> readiness = new ArrayList<>();
        for (Future<Answer> probe : probes) {
            readiness.add(probe.get(HANG.toSeconds() + 30, TimeUnit.SECONDS));
        }
        trickle.shutdown();

        // Recovery: how long after the resume a login, /users/me and a company read all succeed again.
        Gatehouse.eventually(RECOVERY, () -> {
            Person person = people.get(0).loggedInAgain("recovered");
            given().auth().oauth2(person.accessToken()).when().get("/users/me").then().statusCode(200);
            given().auth().oauth2(person.accessToken()).when().get("/companies/{id}", companyId)
                    .then().statusCode(200);
        });
        long recoveredMillis = Duration.ofNanos(System.nanoTime() - resumed).toMillis();

        System.out.printf("PostgreSQL paused %d s (%d processes): %d requests, by answer %s, slowest %d ms; "
                + "readiness by answer %s, slowest %d ms; recovered %d ms after resume%n",
                DATABASE_PAUSE.toSeconds(), frozen.size(), seen.size(), byOutcome(seen), slowest(seen),
                byOutcome(readiness), slowest(readiness), recoveredMillis);
        readiness.stream().collect(Collectors.groupingBy(Answer::what, TreeMap::new,
                Collectors.summarizingLong(Answer::millis))).forEach(
                        (what, millis) -> System.out.printf(
                                "PostgreSQL paused: %s slowest %d ms%n", what, millis.getMax()));

        for (Answer answer : seen) {
            boolean fine = answer.status() / 100 == 2
                    || (answer.status() == 503 || answer.status() == 504) && answer.isProblem();
            assertTrue(fine, "during the fault: " + answer);
            assertTrue(answer.millis() < HANG.toMillis(), "held longer than the bound: " + answer);
        }
        for (Answer probe : readiness) {
            assertTrue(probe.status() == 200 || probe.status() == 503, "readiness: " + probe);
            assertTrue(probe.millis() < READINESS_BOUND.toMillis(), "readiness hung: " + probe);
        }
        assertTrue(seen.stream().anyMatch(answer -> answer.status() / 100 != 2),
                "no request noticed the paused database");

        // Nothing lost: every account logs in, the company is as it was, the last sign-up before the fault is there.
        for (Person person : people) {
            Person again = person.loggedInAgain("after");
            given().auth().oauth2(again.accessToken()).when().get("/users/me")
                    .then().statusCode(200).body("email", equalTo(person.email()));
        }
        lastBeforeTheFault.loggedInAgain("after");
        given().auth().oauth2(people.get(1).accessToken()).when().get("/companies/{id}", companyId)
                .then().statusCode(200).body("name", equalTo(companyName));
    }

    /** What one request of the trickle saw. */
    private record Answer(String what, int status, String contentType, long millis, String failure) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String outcome() {
            return failure != null ? "no answer" : String.valueOf(status);
        }
    }

    /** Sends one request and notes what came back; a request that gets no answer within the hang bound fails it. */
    private static Answer ask(HttpClient http, String what, HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(HANG).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(what, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), null);
        } catch (Exception e) {
            return new Answer(what, -1, null, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    e.toString());
        }
    }

    private static Map<String, Long> byOutcome(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(answer -> answer.what() + " " + answer.outcome(),
                TreeMap::new, Collectors.counting()));
    }

    private static long slowest(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).max().orElse(0);
    }

    /** A REST-assured call and how long it took. */
    private record Timed(Response response, long millis) {

        static Timed of(java.util.function.Supplier<Response> call) {
            long started = System.nanoTime();
            Response response = call.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
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
