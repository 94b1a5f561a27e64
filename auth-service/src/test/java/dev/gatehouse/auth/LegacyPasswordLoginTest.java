package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.security.PasswordCheck;
import dev.gatehouse.auth.service.PasswordUpgrade;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/** People whose hash came from another system sign in with their old password and leave with an Argon2id hash. */
@QuarkusTest
class LegacyPasswordLoginTest {

    /** Every vector below is a hash of this password. */
    private static final String OLD_PASSWORD = "correct horse";
    private static final String BCRYPT = "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i";
    private static final String BETTER_AUTH = "5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74";
    private static final String WERKZEUG = "pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410";
    private static final String DJANGO = "pbkdf2_sha1$1000$Zt6yR1wQ8uI3oP5a$S4bkt8iqVO275JG24hsZuQvgOfk=";

    @Inject
    Database database;

    @Inject
    PasswordUpgrade upgrade;

    @Test
    void aBcryptAccountSignsInAndIsRehashedToArgon2id() {
        String email = accountWithHash(BCRYPT);

        login(email, OLD_PASSWORD).then().statusCode(200);

        String now = storedHash(email);
        assertTrue(now.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), now);
        login(email, OLD_PASSWORD).then().statusCode(200);
        assertEquals(now, storedHash(email), "a current hash is not rewritten at every login");
    }

    @Test
    void eachLegacyFormatSignsInWithTheOldPassword() {
        for (String hash : List.of(BETTER_AUTH, WERKZEUG, DJANGO)) {
            String email = accountWithHash(hash);
            login(email, OLD_PASSWORD).then().statusCode(200);
            assertTrue(storedHash(email).startsWith("$argon2id$"), hash);
        }
    }

    @Test
    void aWrongPasswordAgainstALegacyHashIsRefusedAndChangesNothing() {
        String email = accountWithHash(BCRYPT);

        login(email, "correct horsf").then().statusCode(401).body("code", equalTo("invalid_credentials"));

        assertEquals(BCRYPT, storedHash(email));
    }

    @Test
    void aMalformedStoredHashAnswersLikeAWrongPassword() {
        for (String hash : List.of("$2b$05$broken", "zz:zz", "pbkdf2:sha256:x$y$z", "$argon2id$v=19$m=x$a$b")) {
            String email = accountWithHash(hash);
            login(email, OLD_PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));
            assertEquals(hash, storedHash(email));
        }
    }

    @Test
    void anArgon2idHashBelowTheConfiguredCostIsRehashedAtLogin() {
        String weak = argon2id(OLD_PASSWORD, 8192, 1);
        String email = accountWithHash(weak);

        login(email, OLD_PASSWORD).then().statusCode(200);

        assertTrue(storedHash(email).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void manyParallelFirstLoginsAllSucceedAndLeaveOneWorkingHash() throws Exception {
        String email = accountWithHash(BETTER_AUTH);
        // As many as the login throttle lets compare at once (the test profile allows 3 per window).
        int parallel = 3;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<Integer> attempt = () -> login(email, OLD_PASSWORD).statusCode();
                answers.add(pool.submit(attempt));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(storedHash(email).startsWith("$argon2id$"));
        login(email, OLD_PASSWORD).then().statusCode(200);
    }

    @Test
    void aPasswordChangedWhileTheRehashRunsIsNotOverwritten() throws Throwable {
        String email = accountWithHash(BCRYPT);
        User asVerified = new User();
        asVerified.id = UUID.fromString(
                database.query("select id::text as id from users where email = ?", email).get(0).get("id").toString());
        asVerified.passwordHash = BCRYPT;
        String reset = argon2id("a brand new password", 19456, 2);
        database.update("update users set password_hash = ? where email = ?", reset, email);

        VertxContextSupport.subscribeAndAwait(
                () -> upgrade.afterLogin(asVerified, OLD_PASSWORD, PasswordCheck.MATCH_NEEDS_REHASH));

        assertEquals(reset, storedHash(email));
        login(email, "a brand new password").then().statusCode(200);

        database.update("update users set password_hash = ? where email = ?", BCRYPT, email);
        VertxContextSupport.subscribeAndAwait(
                () -> upgrade.afterLogin(asVerified, OLD_PASSWORD, PasswordCheck.MATCH_NEEDS_REHASH));
        assertTrue(storedHash(email).startsWith("$argon2id$"), "with the verified hash still stored it is replaced");
    }

    private String accountWithHash(String hash) {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        assertEquals(1, database.update("update users set password_hash = ? where email = ?", hash, email));
        return email;
    }

    private String storedHash(String email) {
        return (String) database.query("select password_hash from users where email = ?", email).get(0)
                .get("password_hash");
    }

    private static io.restassured.response.Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login");
    }

    private static String argon2id(String password, int memoryKib, int iterations) {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(iterations)
                .withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(out);
    }
}
