package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.security.HashingPool;
import dev.gatehouse.auth.security.PasswordHasher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A password or a reset code waits for its comparison (behind busy hashing threads) with no transaction open and no
 * pooled connection held, and what changed meanwhile is checked again once it is compared.
 */
@QuarkusTest
@WithTestResource(MessagesStub.class)
class HashingOutsideTransactionsTest {

    @Inject
    HashingPool pool;

    @Inject
    Database database;

    @Inject
    PasswordHasher hasher;

    /**
     * The new password is hashed first, then the code compared: the threads are freed for the first hash only, and
     * busy again by the time the comparison asks for one.
     */
    @Test
    void aResetCodeWaitingForItsComparisonHoldsNoConnection() throws Exception {
        String email = pendingCodeReset();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Response> guess;
        try {
            occupyThreads(first);
            guess = CompletableFuture.supplyAsync(() -> PasswordResetTest
                    .reset(Map.of("email", email, "code", "000000", "newPassword", PasswordResetTest.NEW_PASSWORD)));
            await(() -> pool.waiting() == 1, "the new password never asked for a hash");
            for (int i = 0; i < pool.threads(); i++) {
                pool.execute(() -> awaitQuietly(release));
            }
            first.countDown();
            // The attempt is reserved and committed before the comparison waits.
            await(() -> attempts(email) == 1, "the attempt was never reserved");
            await(() -> pool.waiting() == 1, "the code never asked for its comparison");
            assertEquals(0, database.count("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state like 'idle in transaction%'"), "a transaction stays open while the code waits");
        } finally {
            first.countDown();
            release.countDown();
        }
        guess.get(30, TimeUnit.SECONDS).then().statusCode(400).body("code", equalTo("reset_invalid"));
        assertEquals(1, attempts(email));
    }

    @Test
    void aResetCodeRefusedForAFullHashingQueueUsesNoAttempt() throws InterruptedException {
        String email = pendingCodeReset();
        CountDownLatch release = new CountDownLatch(1);
        try {
            occupyThreads(release);
            for (int i = 0; i < pool.queueCapacity(); i++) {
                pool.execute(() -> awaitQuietly(release));
            }
            PasswordResetTest.reset(Map.of("email", email, "code", "000000", "newPassword",
                    PasswordResetTest.NEW_PASSWORD)).then().statusCode(503).body("code", equalTo("hashing_busy"));
        } finally {
            release.countDown();
        }
        assertEquals(0, attempts(email));
    }

    /**
     * The password changes (as a reset or a password change would set it) while a login with the old one waits for
     * its comparison: the login is refused and opens no session, which the change would not have revoked.
     */
    @Test
    void aLoginWhosePasswordChangedWhileItWaitedOpensNoSession() throws Exception {
        People me = People.signUp();
        long sessions = database.count("select count(*) from sessions where user_id = ?::uuid", me.id());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Response> login;
        try {
            occupyThreads(release);
            login = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("email", me.email(), "password", Accounts.PASSWORD)).when().post("/auth/login"));
            await(() -> database.count("select coalesce(sum(attempts), 0) from login_throttles where user_id = ?::uuid",
                    me.id()) == 1, "the login never reserved its comparison");
            assertEquals(1, database.update("update users set password_hash = password_hash || 'x' where id = ?::uuid",
                    me.id()));
        } finally {
            release.countDown();
        }
        login.get(30, TimeUnit.SECONDS).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        assertEquals(sessions, database.count("select count(*) from sessions where user_id = ?::uuid", me.id()));
    }

    /**
     * A reset (or another device's change) commits while a password change, confirmed with the old password, waits
     * for its comparison: the change is refused, and the newer password stays.
     */
    @Test
    void aPasswordChangeConfirmedWithAReplacedPasswordChangesNothing() throws Exception {
        People me = People.signUp();
        String resetHash = storedHash(me) + "-reset";
        CompletableFuture<Response> change = whileTheConfirmationWaits(me, resetHash, () -> changePassword(me));
        change.get(30, TimeUnit.SECONDS).then().statusCode(403).body("code", equalTo("invalid_credentials"));
        assertEquals(resetHash, storedHash(me), "the newer password was overwritten");
    }

    /** The same for deleting the account: the old password no longer confirms it. */
    @Test
    void aDeletionConfirmedWithAReplacedPasswordDeletesNothing() throws Exception {
        People me = People.signUp();
        CompletableFuture<Response> deletion = whileTheConfirmationWaits(me, storedHash(me) + "-reset",
                () -> me.asMe().body(Map.of("password", Accounts.PASSWORD)).when().delete("/users/me"));
        deletion.get(30, TimeUnit.SECONDS).then().statusCode(403).body("code", equalTo("invalid_credentials"));
        assertEquals(1, database.count("select count(*) from users where id = ?::uuid", me.id()));
    }

    /**
     * A login on another device replaces the hash but not the password (as when it upgrades an outdated hash) while
     * the change waits: the password is compared again with the new hash, and the change goes through.
     */
    @Test
    void aPasswordChangeGoesThroughWhenOnlyTheHashOfTheSamePasswordChanged() throws Exception {
        People me = People.signUp();
        String sameAgain = hasher.hash(Accounts.PASSWORD).await().atMost(Duration.ofSeconds(30));
        CompletableFuture<Response> change = whileTheConfirmationWaits(me, sameAgain, () -> changePassword(me));
        change.get(30, TimeUnit.SECONDS).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("email", me.email(), "password",
                PasswordResetTest.NEW_PASSWORD)).when().post("/auth/login").then().statusCode(200);
    }

    private static Response changePassword(People me) {
        return me.asMe().body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword",
                PasswordResetTest.NEW_PASSWORD)).when().post("/users/me/password");
    }

    private String storedHash(People me) {
        return (String) database.query("select password_hash from users where id = ?::uuid", me.id()).get(0)
                .get("password_hash");
    }

    /**
     * Sends {@code request} with the hashing threads busy, and once its password confirmation has reserved its
     * comparison, sets the account's hash to {@code newHash}, as a reset or a login's upgrade would.
     */
    private CompletableFuture<Response> whileTheConfirmationWaits(People me, String newHash,
            Supplier<Response> request) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try {
            occupyThreads(release);
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            await(() -> database.count("select coalesce(sum(attempts), 0) from login_throttles where user_id = ?::uuid",
                    me.id()) == 1, "the confirmation never reserved its comparison");
            assertEquals(1, database.update("update users set password_hash = ? where id = ?::uuid", newHash,
                    me.id()));
            return response;
        } finally {
            release.countDown();
        }
    }

    /** A registered account with a reset code pending (its email delivered, so the reset row exists). */
    private static String pendingCodeReset() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        PasswordResetTest.forgot(email, "email_otp").then().statusCode(202);
        MessagesStub.awaitMail(email, 1);
        return email;
    }

    private long attempts(String email) {
        return database.count("select attempt_count from password_resets where email = ? order by created_at desc"
                + " limit 1", email);
    }

    /** Occupies every hashing thread until {@code release}; the queue stays free. */
    private void occupyThreads(CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(pool.threads());
        for (int i = 0; i < pool.threads(); i++) {
            pool.execute(() -> {
                started.countDown();
                awaitQuietly(release);
            });
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "the hashing threads never became free");
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
