package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.security.OpaqueTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@WithTestResource(MessagesStub.class)
class PasswordResetTest {

    static final String NEW_PASSWORD = "brand new secret 7";

    @Inject
    AgroalDataSource dataSource;

    private ResetRows rows;

    @BeforeEach
    void rows() {
        rows = new ResetRows(dataSource);
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoEmail() {
        String known = Accounts.uniqueEmail();
        Accounts.register(known, Accounts.uniquePhone());
        String unknown = Accounts.uniqueEmail();

        Response forUnknown = forgot(unknown, "email_link");
        Response forKnown = forgot(known, "email_link");
        forUnknown.then().statusCode(202).body(emptyString());
        forKnown.then().statusCode(202).body(emptyString());
        assertEquals(forKnown.getContentType(), forUnknown.getContentType());

        MessagesStub.awaitMail(known, 1);
        MessagesStub.pause(500);
        assertTrue(MessagesStub.mailsTo(unknown).isEmpty());
        assertTrue(rows.of(unknown).isEmpty());
    }

    @Test
    void linkResetSetsTheNewPasswordAndEndsEverySession() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");
        JsonPath phone = Accounts.login(email, "phone");

        forgot(email, "email_link").then().statusCode(202);
        JsonObject mail = MessagesStub.awaitMail(email, 1);
        assertEquals("Reset your Gatehouse password", mail.getString("subject"));
        assertEquals("http://127.0.0.1:8080/auth/password/reset?token=", MessagesStub.linkPrefix(mail));
        assertTrue(mail.getString("html").contains("href=\"http://127.0.0.1:8080/auth/password/reset?token="));
        String token = MessagesStub.linkToken(mail);

        Map<String, Object> pending = rows.latest(email);
        assertEquals("email_link", pending.get("reset_type"));
        assertEquals("pending", pending.get("status"));
        assertEquals(OpaqueTokens.hash(token), pending.get("token_hash"));
        assertEquals(30 * 60, pending.get("ttl_seconds"));

        reset(Map.of("token", token, "newPassword", NEW_PASSWORD)).then().statusCode(204);

        login(email, Accounts.PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        login(email, NEW_PASSWORD).then().statusCode(200);
        refresh(laptop.getString("refreshToken")).then().statusCode(401);
        refresh(phone.getString("refreshToken")).then().statusCode(401);

        Map<String, Object> used = rows.latest(email);
        assertEquals("used", used.get("status"));
        assertNotNull(used.get("used_at"));
        assertTrue(rows.auditEvents(email).contains("password_reset.completed"));

        // A link works once.
        reset(Map.of("token", token, "newPassword", "yet another pass 8")).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("reset_invalid"));
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void codeResetSetsTheNewPassword() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        JsonPath laptop = Accounts.login(email, "laptop");

        forgot(email.toUpperCase(), "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 1));

        Map<String, Object> pending = rows.latest(email);
        assertEquals("email_otp", pending.get("reset_type"));
        assertTrue(((String) pending.get("token_hash")).startsWith("$argon2id$"), "the code is stored as Argon2id");
        assertEquals(10 * 60, pending.get("ttl_seconds"));
        assertEquals(3, pending.get("max_attempts"));

        reset(Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(204);

        login(email, NEW_PASSWORD).then().statusCode(200);
        login(email, Accounts.PASSWORD).then().statusCode(401);
        refresh(laptop.getString("refreshToken")).then().statusCode(401);
        reset(Map.of("email", email, "code", code, "newPassword", "yet another pass 8")).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
    }

    @Test
    void threeWrongCodesRevokeTheReset() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        forgot(email, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 1));
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        for (int attempt = 1; attempt <= 2; attempt++) {
            reset(Map.of("email", email, "code", wrong, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                    .body("code", equalTo("reset_invalid"));
        }
        // The last attempt revokes the code, and is answered like any wrong code: the answer never tells whether a
        // code was pending.
        reset(Map.of("email", email, "code", wrong, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("reset_invalid"));

        Map<String, Object> revoked = rows.latest(email);
        assertEquals("revoked", revoked.get("status"));
        assertEquals(3, revoked.get("attempt_count"));

        reset(Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
        login(email, Accounts.PASSWORD).then().statusCode(200);
        assertTrue(rows.auditEvents(email).contains("password_reset.attempts_exhausted"));
    }

    @Test
    void expiredResetsAreRefusedAndMarked() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        forgot(email, "email_link").then().statusCode(202);
        String token = MessagesStub.linkToken(MessagesStub.awaitMail(email, 1));
        rows.expirePending(email);

        reset(Map.of("token", token, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
        assertEquals("expired", rows.latest(email).get("status"));

        forgot(email, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 2));
        rows.expirePending(email);
        reset(Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
        assertEquals("expired", rows.latest(email).get("status"));
        login(email, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void aNewRequestRevokesThePendingOne() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        forgot(email, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 1));
        forgot(email, "email_link").then().statusCode(202);
        String first = MessagesStub.linkToken(MessagesStub.awaitMail(email, 2));
        forgot(email, "email_link").then().statusCode(202);
        String second = MessagesStub.linkToken(MessagesStub.awaitMail(email, 3));

        List<Map<String, Object>> all = rows.of(email);
        assertEquals(List.of("revoked", "revoked", "pending"), all.stream().map(row -> row.get("status")).toList());

        reset(Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
        reset(Map.of("token", first, "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid"));
        reset(Map.of("token", second, "newPassword", NEW_PASSWORD)).then().statusCode(204);
    }

    @Test
    void resetLiftsALoginLock() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        for (int i = 0; i < 3; i++) {
            login(email, "not the password 1").then().statusCode(401);
        }
        login(email, Accounts.PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        // The lock itself emails the owner a reset link.
        assertEquals("Failed logins to your Gatehouse account", MessagesStub.awaitMail(email, 1).getString("subject"));

        forgot(email, "email_link").then().statusCode(202);
        reset(Map.of("token", MessagesStub.linkToken(MessagesStub.awaitMail(email, 2)), "newPassword", NEW_PASSWORD))
                .then().statusCode(204);
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aWrongCodeGetsTheSameAnswerWhetherOrNotACodeIsPending() {
        String pending = Accounts.uniqueEmail();
        Accounts.register(pending, Accounts.uniquePhone());
        forgot(pending, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(pending, 1));
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        String noReset = Accounts.uniqueEmail();
        Accounts.register(noReset, Accounts.uniquePhone());

        List<String> answers = new java.util.ArrayList<>();
        for (String email : List.of(pending, pending, pending, pending, noReset, Accounts.uniqueEmail())) {
            Response answer = reset(Map.of("email", email, "code", wrong, "newPassword", NEW_PASSWORD));
            answers.add(answer.statusCode() + " " + answer.getContentType() + " " + answer.asString());
        }
        assertEquals(1, answers.stream().distinct().count(), () -> String.join("\n", answers));
        assertTrue(answers.get(0).startsWith("400 "));
    }

    @Test
    void changingThePasswordRevokesPendingResets() {
        for (String method : List.of("email_link", "email_otp")) {
            String email = Accounts.uniqueEmail();
            Accounts.register(email, Accounts.uniquePhone());
            String accessToken = Accounts.login(email, "laptop").getString("accessToken");
            forgot(email, method).then().statusCode(202);
            JsonObject mail = MessagesStub.awaitMail(email, 1);
            Map<String, Object> redeem = "email_link".equals(method)
                    ? Map.of("token", MessagesStub.linkToken(mail), "newPassword", "yet another pass 8")
                    : Map.of("email", email, "code", MessagesStub.code(mail), "newPassword", "yet another pass 8");
            assertEquals("pending", rows.latest(email).get("status"));

            given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD))
                    .when().post("/users/me/password").then().statusCode(204);

            assertEquals("revoked", rows.latest(email).get("status"), method);
            reset(redeem).then().statusCode(400).body("code", equalTo("reset_invalid"));
            login(email, NEW_PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void forgotAnswersBeforeItsWorkIsDone() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        // Nothing of the request is needed for the answer: it comes without a body, and the row and the email
        // follow it.
        forgot(email, "email_otp").then().statusCode(202).body(emptyString());
        rows.awaitLatest(email, row -> "pending".equals(row.get("status")));
        MessagesStub.awaitMail(email, 1);
    }

    @Test
    void theClientAddressIsStoredAsInet() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.7")
                .header("User-Agent", "ResetTest/1.0").body(Map.of("email", email, "method", "email_link"))
                .when().post("/auth/password/forgot").then().statusCode(202);
        // The request's work follows its answer.
        Map<String, Object> v4 = rows.awaitLatest(email, row -> true);
        assertEquals("inet", v4.get("ip_type"));
        assertEquals("203.0.113.7", v4.get("ip"));
        assertEquals(4, v4.get("ip_family"));
        assertEquals("ResetTest/1.0", v4.get("user_agent"));

        given().contentType(ContentType.JSON).header("X-Forwarded-For", "2001:db8::7")
                .body(Map.of("email", email, "method", "email_otp"))
                .when().post("/auth/password/forgot").then().statusCode(202);
        Map<String, Object> v6 = rows.awaitLatest(email, row -> "email_otp".equals(row.get("reset_type")));
        assertEquals("2001:db8::7", v6.get("ip"));
        assertEquals(6, v6.get("ip_family"));
    }

    @Test
    void anUndeliverableEmailRevokesItsReset() {
        String email = "undeliverable-" + Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        forgot(email, "email_link").then().statusCode(202).body(emptyString());
        rows.awaitLatest(email, row -> "revoked".equals(row.get("status")));
        assertTrue(rows.auditEvents(email).contains("password_reset.delivery_failed"));
    }

    @Test
    void moreThanFiveRequestsAnHourSendNothingMore() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        for (int i = 1; i <= 5; i++) {
            forgot(email, "email_link").then().statusCode(202);
            MessagesStub.awaitMail(email, i);
        }
        forgot(email, "email_link").then().statusCode(202).body(emptyString());
        MessagesStub.pause(500);
        assertEquals(5, MessagesStub.mailsTo(email).size());
        assertEquals(5, rows.of(email).size());
        assertTrue(rows.auditEvents(email).contains("password_reset.throttled"));
    }

    @Test
    void aBurstOfRequestsLeavesOnePendingResetAndKeepsTheLimit() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        List<CompletableFuture<Response>> burst = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> forgot(email, "email_link"))).toList();
        burst.forEach(request -> request.join().then().statusCode(202));

        MessagesStub.awaitMail(email, 5);
        MessagesStub.pause(500);
        assertEquals(5, MessagesStub.mailsTo(email).size());
        List<Object> statuses = rows.of(email).stream().map(row -> row.get("status")).toList();
        assertEquals(5, statuses.size());
        assertEquals(1, statuses.stream().filter("pending"::equals).count());
    }

    @Test
    void forgotRefusesBadInput() {
        forgot("someone@example.com", "sms").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("method"));
        forgot("not-an-email", "email_link").then().statusCode(400).body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/auth/password/forgot")
                .then().statusCode(400).body("errors.field", hasItem("email")).body("errors.field", hasItem("method"));
        given().contentType(ContentType.JSON).body("{").when().post("/auth/password/forgot")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void resetRefusesBadInput() {
        reset(Map.of("token", "whatever", "newPassword", "short")).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("newPassword"));
        reset(Map.of("token", "whatever", "newPassword", "onlyletterslong")).then().statusCode(400)
                .body("errors.field", hasItem("newPassword"));
        reset(Map.of("newPassword", NEW_PASSWORD)).then().statusCode(400).body("errors[0].field", equalTo("token"));
        reset(Map.of("token", "t", "email", "a@example.com", "code", "123456", "newPassword", NEW_PASSWORD))
                .then().statusCode(400).body("errors[0].field", equalTo("token"));
        reset(Map.of("email", "a@example.com", "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        reset(Map.of("code", "123456", "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        reset(Map.of("email", "a@example.com", "code", "12ab56", "newPassword", NEW_PASSWORD)).then()
                .statusCode(400).body("errors.field", hasItem("code"));
        Map<String, Object> nullToken = new HashMap<>();
        nullToken.put("token", null);
        nullToken.put("newPassword", NEW_PASSWORD);
        reset(nullToken).then().statusCode(400).body("errors[0].field", equalTo("token"));

        reset(Map.of("token", "no-such-token", "newPassword", NEW_PASSWORD)).then().statusCode(400)
                .body("code", equalTo("reset_invalid")).body("errors", nullValue());
        reset(Map.of("email", Accounts.uniqueEmail(), "code", "123456", "newPassword", NEW_PASSWORD)).then()
                .statusCode(400).body("code", equalTo("reset_invalid"));
    }

    @Test
    void aWrongCodeForOneAddressDoesNotTouchAnother() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        forgot(email, "email_otp").then().statusCode(202);
        String code = MessagesStub.code(MessagesStub.awaitMail(email, 1));
        String other = Accounts.uniqueEmail();
        Accounts.register(other, Accounts.uniquePhone());

        reset(Map.of("email", other, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(400);
        assertEquals(0, rows.latest(email).get("attempt_count"));
        assertNull(rows.latest(email).get("used_at"));
        reset(Map.of("email", email, "code", code, "newPassword", NEW_PASSWORD)).then().statusCode(204);
    }

    static Response forgot(String email, String method) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "method", method))
                .when().post("/auth/password/forgot");
    }

    static Response reset(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/auth/password/reset");
    }

    static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }
}
