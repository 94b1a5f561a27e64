package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.repository.RefreshRotationRepository;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.SuccessorTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A refresh token has at most one successor, however often and however concurrently it is presented. */
@QuarkusTest
class RefreshForksTest {

    @Inject
    Database database;

    @Inject
    RefreshRotationRepository rotations;

    @Inject
    SuccessorTokens successors;

    @Test
    void tenParallelRefreshesOfOneTokenLeaveExactlyOneChain() throws Exception {
        Accounts.Tokens tokens = Accounts.signedIn();
        List<Response> answers = inParallel(10, () -> refresh(tokens.refreshToken()));

        Set<String> successors = new HashSet<>();
        for (Response answer : answers) {
            answer.then().statusCode(200).body("sessionId", equalTo(tokens.sessionId()));
            successors.add(answer.path("refreshToken"));
        }
        assertEquals(1, successors.size(), "every retry gets the same successor");
        String successor = successors.iterator().next();

        UUID session = UUID.fromString(tokens.sessionId());
        assertEquals(2, database.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", session),
                "the login's token and one successor, nothing else");
        List<Map<String, Object>> live = database.query(
                "SELECT token_hash FROM refresh_tokens WHERE session_id = ? AND NOT revoked AND replaced_at IS NULL",
                session);
        assertEquals(1, live.size(), "exactly one token of the session can still be rotated");
        assertEquals(OpaqueTokens.hash(successor), live.get(0).get("token_hash"));

        refresh(successor).then().statusCode(200);
    }

    /**
     * A refresh that sat in a paused database rotates only when the database resumes, long after it arrived; its
     * client has meanwhile been answered 504 by the gateway and retries at once. The grace window runs from the
     * rotation, not from the request's arrival, so the retry gets the successor instead of ending the session.
     */
    @Test
    void aRotationThatWaitedForTheDatabaseStartsTheGraceWindowWhenItHappens() {
        Accounts.Tokens tokens = Accounts.signedIn();
        OffsetDateTime arrived = OffsetDateTime.now().minusSeconds(30);
        UUID successorId = UUID.randomUUID();
        String successor = successors.successorOf(tokens.refreshToken(), successorId);
        RefreshRotationRepository.Rotation rotation = rotations.rotate(OpaqueTokens.hash(tokens.refreshToken()),
                arrived, successorId, OpaqueTokens.hash(successor), "127.0.0.1", "paused client",
                OffsetDateTime.now().plusDays(1)).await().atMost(Duration.ofSeconds(10));
        assertTrue(rotation.rotated());

        refresh(tokens.refreshToken()).then().statusCode(200).body("refreshToken", equalTo(successor));
        refresh(successor).then().statusCode(200);
    }

    @Test
    void aRetryInsideTheGraceWindowGetsTheSameSuccessor() {
        Accounts.Tokens tokens = Accounts.signedIn();
        String successor = refresh(tokens.refreshToken()).then().statusCode(200).extract().path("refreshToken");
        refresh(tokens.refreshToken()).then().statusCode(200).body("refreshToken", equalTo(successor));

        String next = refresh(successor).then().statusCode(200).extract().path("refreshToken");
        refresh(successor).then().statusCode(200).body("refreshToken", equalTo(next));
        refresh(next).then().statusCode(200);
    }

    @Test
    void replayingARotatedTokenInsideTheWindowAfterItsSuccessorWasUsedOpensNoChain() {
        Accounts.Tokens tokens = Accounts.signedIn();
        UUID session = UUID.fromString(tokens.sessionId());
        String successor = refresh(tokens.refreshToken()).then().statusCode(200).extract().path("refreshToken");
        String next = refresh(successor).then().statusCode(200).extract().path("refreshToken");
        long issued = tokensOf(session);

        // The chain has moved on: the replay gets the step it repeats, not a chain of its own.
        refresh(tokens.refreshToken()).then().statusCode(200).body("refreshToken", equalTo(successor));

        assertEquals(issued, tokensOf(session), "no token was issued for the replay");
        assertEquals(List.of(Map.of("token_hash", OpaqueTokens.hash(next))), database.query(
                "SELECT token_hash FROM refresh_tokens WHERE session_id = ? AND NOT revoked AND replaced_at IS NULL",
                session), "the owner's newest token is still the only one that rotates");
        refresh(next).then().statusCode(200);
    }

    @Test
    void parallelReplaysAfterTheChainMovedOnOpenNoChain() throws Exception {
        Accounts.Tokens tokens = Accounts.signedIn();
        UUID session = UUID.fromString(tokens.sessionId());
        String successor = refresh(tokens.refreshToken()).then().statusCode(200).extract().path("refreshToken");
        String next = refresh(successor).then().statusCode(200).extract().path("refreshToken");

        for (Response answer : inParallel(10, () -> refresh(tokens.refreshToken()))) {
            answer.then().statusCode(200).body("refreshToken", equalTo(successor));
        }
        assertEquals(3, tokensOf(session));
        assertEquals(1, database.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ? AND NOT revoked "
                + "AND replaced_at IS NULL", session));
        refresh(next).then().statusCode(200);
    }

    @Test
    void aReplayAfterTheGraceWindowStillRevokesTheWholeSession() throws InterruptedException {
        Accounts.Tokens tokens = Accounts.signedIn();
        UUID session = UUID.fromString(tokens.sessionId());
        String successor = refresh(tokens.refreshToken()).then().statusCode(200).extract().path("refreshToken");
        // Moves the rotation out of the test profile's two-second window instead of waiting for it.
        database.update("UPDATE refresh_tokens SET replaced_at = replaced_at - interval '1 minute' "
                + "WHERE session_id = ? AND replaced_at IS NOT NULL", session);

        refresh(tokens.refreshToken()).then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
        assertEquals("refresh_token_reuse", database.query("SELECT revoke_reason FROM sessions WHERE id = ?", session)
                .get(0).get("revoke_reason"));
        assertEquals(0, database.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ? AND NOT revoked",
                session));
        refresh(successor).then().statusCode(401);
    }

    private long tokensOf(UUID session) {
        return database.count("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", session);
    }

    static List<Response> inParallel(int count, java.util.concurrent.Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }
}
