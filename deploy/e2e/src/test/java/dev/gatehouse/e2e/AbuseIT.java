package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An attacker's session against a fresh local run, through its gateway, with the production limits a local run keeps
 * (only the limits per client address are raised, because every request here comes from 127.0.0.1, and the lock
 * steps and the code resend cooldown are shortened). One test per way in which the defences were found to fail: each
 * sends what an attacker would, mostly many requests at once, and checks that the rule held.
 */
@ExtendWith(LocalRunExtension.class)
@LocalRunEnvironment({ "LOGIN_LOCK_STEPS=PT10S,PT20S,PT40S,PT80S", "GATEHOUSE_OTP_RESEND_COOLDOWN=PT1S" })
class AbuseIT {

    /** {@code LOGIN_MAX_FAILED_ATTEMPTS}' default: password comparisons per account and window. */
    private static final int COMPARISONS_PER_WINDOW = 5;
    /**
     * The first lock step of this class's local run: the production steps are 1, 5, 15 and 60 minutes, shortened
     * here ten-fold and more so the test need not wait a minute; the rule is the same.
     */
    private static final Duration FIRST_LOCK = Duration.ofSeconds(10);
    /** The default grace in which a rotated refresh token still answers (with the same successor). */
    private static final Duration REFRESH_GRACE = Duration.ofSeconds(10);

    /**
     * Finding 1: parallel wrong passwords were all compared, and a right password in the burst got in. Now at most
     * the window's comparisons happen whatever the parallelism, the right password from a new device inside the burst
     * is refused like a wrong one, the owner's trusted device still signs in, and the owner is told by email.
     */
    @Test
    void parallelGuessesAreCappedAndTheOwnerKeepsAccess() throws Exception {
        Gatehouse.Person victim = Gatehouse.signUp();
        String trustedDevice = loginBody(victim.email(), Gatehouse.PASSWORD, "owners-phone", null)
                .post("/auth/login").then().statusCode(200).extract().path("deviceToken");
        assertTrue(trustedDevice != null && !trustedDevice.isBlank(), "a login returns a device token");

        double comparisonsBefore = passwordComparisons();
        List<Integer> guesses = inParallel(60, 60, i -> loginBody(victim.email(),
                i == 44 ? Gatehouse.PASSWORD : "Wrong-Guess-" + i, "attacker-" + i, null)
                .post("/auth/login").then().extract().statusCode());
        double compared = passwordComparisons() - comparisonsBefore;

        assertFalse(guesses.contains(200), "no login succeeds inside the attack, not even the right password: "
                + guesses);
        assertEquals(Set.of(), new HashSet<>(guesses).stream().filter(s -> s != 401 && s != 429)
                .collect(java.util.stream.Collectors.toSet()), "only 401 (or 429 past the account's request limit)");
        assertTrue(compared <= COMPARISONS_PER_WINDOW, "at most " + COMPARISONS_PER_WINDOW
                + " passwords compared for 60 parallel logins, but " + compared);

        // The owner's device, which signed in before, is not locked out by the attacker's failures.
        loginBody(victim.email(), Gatehouse.PASSWORD, "owners-phone", trustedDevice)
                .post("/auth/login").then().statusCode(200);
        // And the owner is told, with a way to reset the password.
        Gatehouse.eventually(Duration.ofSeconds(15), () -> assertTrue(inbox(victim.email()).stream()
                .anyMatch(message -> String.valueOf(message.get("text")).contains("token=")),
                "the owner gets a lock notice with a reset link"));
    }

    /**
     * Finding 2: a lock never ended, because the failure count was never reset (five guesses, then one guess per
     * lock kept an account locked for ever). Now the lock ends after its step, the owner signs in from a new device,
     * and one more wrong guess afterwards does not lock the account again. Also finding 7: a locked account answers
     * exactly like an unknown one.
     */
    @Test
    void aLockEndsAndOneGuessPerWindowDoesNotRenewIt() throws Exception {
        Gatehouse.Person victim = Gatehouse.signUp();
        for (int i = 0; i < COMPARISONS_PER_WINDOW; i++) {
            loginBody(victim.email(), "Wrong-Guess-" + i, "attacker", null).post("/auth/login").then().statusCode(401);
        }
        long lockedAt = System.nanoTime();
        JsonPath locked = loginBody(victim.email(), Gatehouse.PASSWORD, "new-laptop", null)
                .post("/auth/login").then().statusCode(401).extract().jsonPath();
        JsonPath unknown = loginBody(Gatehouse.uniqueEmail(), Gatehouse.PASSWORD, "new-laptop", null)
                .post("/auth/login").then().statusCode(401).extract().jsonPath();
        for (String field : List.of("type", "title", "status", "code", "detail")) {
            assertEquals(String.valueOf(unknown.getString(field)), String.valueOf(locked.getString(field)),
                    "a locked account answers like an unknown one: " + field);
        }

        sleepUntil(lockedAt, FIRST_LOCK.plusSeconds(2));
        loginBody(victim.email(), "Wrong-Guess-after", "attacker", null).post("/auth/login").then().statusCode(401);
        loginBody(victim.email(), Gatehouse.PASSWORD, "new-laptop", null).post("/auth/login").then().statusCode(200);
    }

    /**
     * Finding 3: parallel refreshes of one token each started a chain of its own. Now they all get the same
     * successor, and a replay after the grace window ends the whole session.
     */
    @Test
    void parallelRefreshesShareOneSuccessorAndALateReplayEndsTheSession() throws Exception {
        Gatehouse.Person me = Gatehouse.signUp();
        List<Response> refreshes = inParallel(10, 10, i -> refresh(me.refreshToken()));
        Set<String> successors = new HashSet<>();
        for (Response refresh : refreshes) {
            assertEquals(200, refresh.statusCode(), refresh.asString());
            successors.add(refresh.path("refreshToken"));
        }
        assertEquals(1, successors.size(), "ten parallel refreshes of one token give one successor");
        String successor = successors.iterator().next();
        long rotatedAt = System.nanoTime();
        String next = refresh(successor).then().statusCode(200).extract().path("refreshToken");

        sleepUntil(rotatedAt, REFRESH_GRACE.plusSeconds(2));
        refresh(me.refreshToken()).then().statusCode(401);
        // Reuse outside the window is theft: the live end of the chain dies with it.
        refresh(next).then().statusCode(401);
    }

    /**
     * Finding 4: no limits on reset codes and the password endpoints, and Argon2 without backpressure. Now reset-code
     * guesses per address are limited whether or not a code is pending (finding 7: the answers are the same either
     * way), forgot-password per address is limited, {@code /auth/token} is not reachable from outside, and a flood of
     * logins gets 503 with Retry-After at once while the fast paths keep answering.
     */
    @Test
    void resetGuessesAndForgotArePerAddressLimitedAndTheHashingQueueSheds() throws Exception {
        Gatehouse.Person withCode = Gatehouse.signUp();
        String realCode = Gatehouse.awaitCode(withCode.email(), () -> given().contentType(ContentType.JSON)
                .body(Map.of("email", withCode.email(), "method", "email_otp"))
                .when().post("/auth/password/forgot").then().statusCode(202));
        Gatehouse.Person withoutCode = Gatehouse.signUp();
        List<String> pending = resetGuesses(withCode.email(), realCode, 12);
        List<String> none = resetGuesses(withoutCode.email(), realCode, 12);
        assertEquals(pending, none, "reset by code answers the same whether or not a code is pending");
        assertTrue(pending.get(pending.size() - 1).startsWith("429"), "guesses past the limit get 429: " + pending);

        List<Integer> forgot = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            forgot.add(given().contentType(ContentType.JSON)
                    .body(Map.of("email", withoutCode.email(), "method", "email_link"))
                    .when().post("/auth/password/forgot").then().extract().statusCode());
        }
        assertEquals(429, forgot.get(forgot.size() - 1), "forgot-password per address is limited: " + forgot);

        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "company-service").formParam("client_secret", "guess")
                .when().post("/auth/token").then().statusCode(404);

        // Logins naming 150 different addresses at once: each costs a hash (or the decoy's), more than the queue holds.
        ExecutorService flood = Executors.newFixedThreadPool(150);
        try {
            List<Future<Response>> logins = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                int index = i;
                logins.add(flood.submit(() -> loginBody("flood-" + index + "-" + Gatehouse.uniqueEmail(),
                        Gatehouse.PASSWORD, "flood", null).post("/auth/login")));
            }
            // Meanwhile the fast paths answer.
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(withCode.accessToken()).when().get("/users/me").then().statusCode(200);
            }
            boolean shed = false;
            for (Future<Response> login : logins) {
                Response answer = login.get();
                assertTrue(answer.statusCode() == 401 || answer.statusCode() == 503, answer.asString());
                if (answer.statusCode() == 503) {
                    shed = true;
                    assertEquals("hashing_busy", answer.path("code"));
                    assertTrue(answer.header("Retry-After") != null, "503 carries Retry-After");
                }
            }
            assertTrue(shed, "a flood larger than the hashing queue is shed with 503");
        } finally {
            flood.shutdownNow();
        }
    }

    /**
     * Finding 5: SMS pumping. A fresh account with nothing verified sent an SMS to every company number it
     * registered. Now only an owner whose own email and phone are verified can ask for a company code, company
     * creation per account is limited, and numbers outside the allowed countries get nothing.
     */
    @Test
    void anUnverifiedAccountCannotPumpSms() {
        Gatehouse.Person pumper = Gatehouse.signUp();
        List<Integer> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String phone = Gatehouse.uniqueKenyanMobile();
            Response company = createCompany(pumper, "KE", phone);
            created.add(company.statusCode());
            if (company.statusCode() == 201) {
                given().auth().oauth2(pumper.accessToken())
                        .when().post("/companies/{id}/verification", company.<String> path("companyId"))
                        .then().statusCode(403).body("code", equalTo("verification_required"));
                assertEquals(List.of(), inbox(phone), "nothing was sent to " + phone);
            } else {
                assertEquals(429, company.statusCode(), company.asString());
                assertTrue(company.header("Retry-After") != null, "429 carries Retry-After");
            }
        }
        assertTrue(created.contains(429), "company creation per account is limited: " + created);

        Gatehouse.Person owner = Gatehouse.verified(Gatehouse.signUp());
        String abroad = "+12127363100";
        Response company = createCompany(owner, "US", abroad);
        assertEquals(201, company.statusCode(), company.asString());
        given().auth().oauth2(owner.accessToken())
                .when().post("/companies/{id}/verification", company.<String> path("companyId"))
                .then().statusCode(422).body("code", equalTo("destination_not_allowed"));
        assertEquals(List.of(), inbox(abroad), "nothing was sent outside the allowed countries");
    }

    /**
     * Finding 6: company phones are public and not unique, and a second company asking for a code to the same number
     * cancelled the first one's. Now each company's code stays valid.
     */
    @Test
    void oneCompanyCannotCancelAnothersVerification() throws InterruptedException {
        String sharedPhone = Gatehouse.uniqueKenyanMobile();
        Gatehouse.Person first = Gatehouse.verified(Gatehouse.signUp());
        Gatehouse.Person second = Gatehouse.verified(Gatehouse.signUp());
        String firstCompany = createCompany(first, "KE", sharedPhone).then().statusCode(201).extract()
                .path("companyId");
        String secondCompany = createCompany(second, "KE", sharedPhone).then().statusCode(201).extract()
                .path("companyId");
        String firstCode = Gatehouse.awaitCode(sharedPhone, () -> given().auth().oauth2(first.accessToken())
                .when().post("/companies/{id}/verification", firstCompany).then().statusCode(202));
        // One number gets one code at a time per type, whoever asks (the resend cooldown, shortened for this run).
        sleepUntil(System.nanoTime(), Duration.ofMillis(1_200));
        String secondCode = Gatehouse.awaitCode(sharedPhone, () -> given().auth().oauth2(second.accessToken())
                .when().post("/companies/{id}/verification", secondCompany).then().statusCode(202));

        given().auth().oauth2(first.accessToken()).contentType(ContentType.JSON).body(Map.of("code", firstCode))
                .when().post("/companies/{id}/verification/confirm", firstCompany)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(second.accessToken()).contentType(ContentType.JSON).body(Map.of("code", secondCode))
                .when().post("/companies/{id}/verification/confirm", secondCompany)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /**
     * Finding 7, the rest: a password change leaves no reset link usable, a phone number signs in only once it is
     * verified, and wrong codes count across resends until the number locks, whatever new codes are sent.
     */
    @Test
    void smallLeaksAreClosed() throws InterruptedException {
        Gatehouse.Person me = Gatehouse.signUp();
        String link = Gatehouse.awaitLink(me.email(), () -> given().contentType(ContentType.JSON)
                .body(Map.of("email", me.email(), "method", "email_link"))
                .when().post("/auth/password/forgot").then().statusCode(202));
        String token = link.substring(link.indexOf("token=") + "token=".length());
        given().auth().oauth2(me.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Gatehouse.PASSWORD, "newPassword", "Another-Horse-Battery-7"))
                .when().post("/users/me/password").then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8),
                        "newPassword", "Attacker-Chosen-Pass-1"))
                .when().post("/auth/password/reset").then().statusCode(400).body("code", equalTo("reset_invalid"));

        Gatehouse.Person squatter = Gatehouse.signUp();
        given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", squatter.phone(), "password", Gatehouse.PASSWORD, "deviceId", "phone"))
                .when().post("/auth/login").then().statusCode(401).body("code", equalTo("invalid_credentials"));

        // Wrong codes, a new code after each five (a code locks after its fifth): the tenth wrong one in all locks
        // the number, and then even the right code of a new message is refused.
        Gatehouse.Person guesser = Gatehouse.signUp();
        int wrong = 0;
        while (wrong < 10) {
            String code = Gatehouse.awaitCode(guesser.phone(), () -> given().auth().oauth2(guesser.accessToken())
                    .when().post("/users/me/phone/verification").then().statusCode(202));
            for (int attempt = 0; attempt < 5 && wrong < 10; attempt++, wrong++) {
                int status = confirmPhone(guesser, wrongCode(code)).statusCode();
                assertTrue(status == 422 || status == 423, "a wrong code: " + status);
            }
            sleepUntil(System.nanoTime(), Duration.ofMillis(1_200));
        }
        int messagesBefore = inbox(guesser.phone()).size();
        Response again = given().auth().oauth2(guesser.accessToken()).when().post("/users/me/phone/verification");
        if (again.statusCode() == 202) {
            Gatehouse.eventually(Duration.ofSeconds(15),
                    () -> assertTrue(inbox(guesser.phone()).size() > messagesBefore, "the new code arrives"));
            java.util.regex.Matcher right = java.util.regex.Pattern.compile("\\d{6}")
                    .matcher(String.valueOf(inbox(guesser.phone()).get(0).get("text")));
            assertTrue(right.find());
            assertEquals(423, confirmPhone(guesser, right.group()).statusCode(),
                    "once the number is locked even the right code of a new message is refused");
        } else {
            // Or no new code is sent at all while the number is locked.
            assertEquals(429, again.statusCode(), again.asString());
            assertEquals("destination_locked", again.path("limit"));
            assertTrue(again.header("Retry-After") != null, "429 carries Retry-After");
        }
        given().auth().oauth2(guesser.accessToken()).when().get("/users/me")
                .then().statusCode(200).body("phoneVerified", equalTo(false));
    }

    private static io.restassured.specification.RequestSpecification loginBody(String email, String password,
            String deviceId, String deviceToken) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("email", email, "password", password,
                "deviceId", deviceId));
        if (deviceToken != null) {
            body.put("deviceToken", deviceToken);
        }
        return given().contentType(ContentType.JSON).body(body).when();
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }

    private static Response createCompany(Gatehouse.Person owner, String country, String phone) {
        return given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Abuse " + phone, "countryCode", country, "phoneNumber", phone))
                .when().post("/companies");
    }

    private static Response confirmPhone(Gatehouse.Person person, String code) {
        return given().auth().oauth2(person.accessToken()).contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/users/me/phone/verification/confirm");
    }

    /** A six-digit code that is certainly not {@code code}. */
    private static String wrongCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** Reset-by-code guesses for an address, never {@code avoid}, each answer as "status code". */
    private static List<String> resetGuesses(String email, String avoid, int count) {
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String guess = String.format("%06d", (Integer.parseInt(avoid) + i) % 1_000_000);
            Response answer = given().contentType(ContentType.JSON)
                    .body(Map.of("email", email, "code", guess, "newPassword", "New-Horse-Pass-8"))
                    .when().post("/auth/password/reset");
            String code = answer.statusCode() == 204 ? "" : answer.path("code");
            if (answer.statusCode() == 429) {
                assertTrue(answer.header("Retry-After") != null, "429 carries Retry-After");
            }
            answers.add(answer.statusCode() + " " + code);
        }
        return answers;
    }

    private static List<Map<String, Object>> inbox(String destination) {
        return given().queryParam("to", destination).when().get("/dev/inbox")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** auth-service's count of password comparisons, read from its own port (metrics are not routed). */
    private static double passwordComparisons() {
        int port = Integer.getInteger(LocalRunExtension.servicePortProperty("auth-service"));
        String metrics = given().baseUri("http://127.0.0.1").port(port).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        double total = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("gatehouse_password_comparisons_total")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        assertTrue(found, "auth-service exposes gatehouse_password_comparisons_total");
        return total;
    }

    private static <T> List<T> inParallel(int count, int parallel, IntFunction<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : clients.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long remaining = startNanos + after.toNanos() - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000 + 1);
        }
    }
}
