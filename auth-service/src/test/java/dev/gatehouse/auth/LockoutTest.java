package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Password guessing against one account, tried the way an attacker would: many requests at once, one guess per
 * lock, a device token taken from another account. The test profile allows 3 comparisons per window.
 */
@QuarkusTest
@WithTestResource(MessagesStub.class)
class LockoutTest {

    private static final int MAX = 3;
    private static final String WRONG = "not the password 1";
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(50);

    @Inject
    Database database;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void fiftyParallelWrongPasswordsGetAtMostTheAllowedComparisons() {
        String email = Accounts.uniqueEmail();
        String userId = Accounts.register(email, Accounts.uniquePhone()).getString("id");
        String trustedDevice = Accounts.login(email, "phone").getString("deviceToken");
        assertNotNull(trustedDevice);

        double before = comparisons();
        List<Response> answers = parallel(50, i -> login(email, WRONG, null));
        double compared = comparisons() - before;

        answers.forEach(answer -> answer.then().statusCode(401).body("code", equalTo("invalid_credentials")));
        assertEquals(MAX, compared, "password comparisons for 50 parallel wrong passwords");
        assertEquals(1, lockedScopes(userId, "account"));

        // The owner's device signs in; a device without its token is refused like a wrong password.
        login(email, Accounts.PASSWORD, trustedDevice).then().statusCode(200);
        String fresh = login(email, Accounts.PASSWORD, null).then().statusCode(401).extract().asString();
        assertEquals(answers.get(0).asString(), fresh);
        // The owner is told, with a link to reset the password.
        assertEquals("Failed logins to your Gatehouse account",
                MessagesStub.awaitMail(email, 1).getString("subject"));
        assertNotNull(MessagesStub.linkToken(MessagesStub.awaitMail(email, 1)));

        // When the lock ends, the same fresh device gets in.
        endLock(userId, "account");
        login(email, Accounts.PASSWORD, null).then().statusCode(200);
    }

    @Test
    void theRightPasswordInsideABurstOfWrongOnesIsNotComparedPastTheLimit() {
        String email = Accounts.uniqueEmail();
        String userId = Accounts.register(email, Accounts.uniquePhone()).getString("id");
        for (int i = 0; i < MAX; i++) {
            login(email, WRONG, null).then().statusCode(401);
        }
        double before = comparisons();
        List<Response> answers = parallel(30, i -> login(email, i == 20 ? Accounts.PASSWORD : WRONG, null));
        answers.forEach(answer -> answer.then().statusCode(401));
        assertEquals(0, comparisons() - before);
        assertEquals(1, lockedScopes(userId, "account"));
    }

    @Test
    void aTrustedDeviceHasItsOwnCount() {
        String email = Accounts.uniqueEmail();
        String userId = Accounts.register(email, Accounts.uniquePhone()).getString("id");
        String device = Accounts.login(email, "phone").getString("deviceToken");

        // Wrong passwords from the trusted device lock that device only.
        for (int i = 0; i < MAX; i++) {
            login(email, WRONG, device).then().statusCode(401);
        }
        login(email, Accounts.PASSWORD, device).then().statusCode(401);
        assertEquals(0, lockedScopes(userId, "account"));
        String renewed = login(email, Accounts.PASSWORD, null).then().statusCode(200).extract().path("deviceToken");
        assertNotNull(renewed);
    }

    @Test
    void aDeviceTokenOfAnotherAccountIsNoExemption() {
        String mine = Accounts.uniqueEmail();
        Accounts.register(mine, Accounts.uniquePhone());
        String myDevice = Accounts.login(mine, "phone").getString("deviceToken");
        String victim = Accounts.uniqueEmail();
        String victimId = Accounts.register(victim, Accounts.uniquePhone()).getString("id");

        for (int i = 0; i < MAX; i++) {
            login(victim, WRONG, myDevice).then().statusCode(401);
        }
        assertEquals(1, lockedScopes(victimId, "account"));
        login(victim, Accounts.PASSWORD, myDevice).then().statusCode(401);
        login(victim, Accounts.PASSWORD, "not.a.token").then().statusCode(401);
    }

    @Test
    void locksGrowStepByStepButNeverPastTheLongestAndDecay() {
        String email = Accounts.uniqueEmail();
        String userId = Accounts.register(email, Accounts.uniquePhone()).getString("id");
        // The default steps: 1, 5, 15 and 60 minutes; the last one repeats.
        List<Integer> expected = List.of(60, 300, 900, 3600, 3600, 3600);
        for (int round = 0; round < expected.size(); round++) {
            for (int i = 0; i < MAX; i++) {
                login(email, WRONG, null).then().statusCode(401);
            }
            // One more guess while locked changes nothing: it is refused before counting.
            login(email, WRONG, null).then().statusCode(401);
            assertEquals(expected.get(round), lockSeconds(userId), "lock #" + (round + 1));
            endLock(userId, "account");
        }
        // Two full decay periods (24 h each) without a lock: the next lock is two steps shorter than the last.
        database.update("update login_throttles set locked_until = now() - interval '49 hours' "
                + "where user_id = ?::uuid and scope = 'account'", userId);
        for (int i = 0; i < MAX; i++) {
            login(email, WRONG, null).then().statusCode(401);
        }
        assertEquals(900, lockSeconds(userId));

        // Never permanent: once the lock ends the owner signs in, and that forgets the history.
        endLock(userId, "account");
        login(email, Accounts.PASSWORD, null).then().statusCode(200);
        assertEquals(0, database.count("select count(*) from login_throttles where user_id = ?::uuid "
                + "and scope = 'account'", userId));
    }

    private double comparisons() {
        return registry.counter("gatehouse.password.comparisons").count();
    }

    private long lockedScopes(String userId, String scope) {
        return database.count("select count(*) from login_throttles where user_id = ?::uuid and scope = ? "
                + "and locked_until > now()", userId, scope);
    }

    /** The lock just set, in seconds: a lock starts a fresh window at the moment it is set. */
    private int lockSeconds(String userId) {
        return ((Number) database.query("select extract(epoch from locked_until - window_start)::int as seconds "
                + "from login_throttles where user_id = ?::uuid and scope = 'account'", userId).get(0)
                .get("seconds")).intValue();
    }

    /** Time passes: the lock ends now. */
    private void endLock(String userId, String scope) {
        database.update("update login_throttles set locked_until = now() - interval '1 second' "
                + "where user_id = ?::uuid and scope = ?", userId, scope);
    }

    private static List<Response> parallel(int n, java.util.function.IntFunction<Response> request) {
        List<CompletableFuture<Response>> all = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> request.apply(i), CLIENTS)).toList();
        return all.stream().map(CompletableFuture::join).toList();
    }

    static Response login(String email, String password, String deviceToken) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (deviceToken != null) {
            body.put("deviceToken", deviceToken);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/auth/login");
    }
}
