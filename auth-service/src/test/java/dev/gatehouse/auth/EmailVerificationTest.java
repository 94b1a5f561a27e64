package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class EmailVerificationTest {

    @Inject
    Database database;

    @AfterEach
    void stubBackToNormal() {
        OtherServicesStub.reset();
    }

    @Test
    void anEmailWithACodeAndALinkGoesToTheAccountsAddress() {
        People me = People.signUp();
        send(me).statusCode(202).body("channel", equalTo("EMAIL")).body("destination", equalTo(me.email()));

        JsonObject asked = OtherServicesStub.LAST_REQUEST.get();
        assertEquals("EMAIL_VERIFICATION", asked.getString("type"));
        assertEquals("EMAIL", asked.getString("channel"));
        assertEquals(me.email(), asked.getString("destination"));
        assertEquals(me.id(), asked.getString("subjectId"));
        String base = ConfigProvider.getConfig().getValue("gatehouse.public-base-url", String.class);
        assertEquals(base + "/auth/email/verify?token={token}", asked.getString("linkTemplate"));
    }

    @Test
    void theCodeVerifiesTheAddress() {
        People me = People.signUp();
        send(me).statusCode(202);
        confirm(me, OtherServicesStub.CODES.get(me.email())).statusCode(200)
                .body("emailVerified", equalTo(true))
                .body("phoneVerified", equalTo(false))
                .body("verificationStatus", equalTo("PARTIALLY_VERIFIED"));
    }

    @Test
    void codeRefusalsPassThrough() {
        People me = People.signUp();
        send(me).statusCode(202);
        confirm(me, PhoneVerificationTest.wrongCodeFor(me.email())).statusCode(422)
                .body("code", equalTo("otp_invalid")).body("remainingAttempts", equalTo(4));
        OtherServicesStub.expireLatest(me.email());
        confirm(me, OtherServicesStub.CODES.get(me.email())).statusCode(410).body("code", equalTo("otp_expired"));
    }

    @Test
    void askingAgainInsideTheCooldownIsResendTooSoon() {
        OtherServicesStub.COOLDOWN_SECONDS.set(60);
        People me = People.signUp();
        send(me).statusCode(202);
        send(me).statusCode(429).header("Retry-After", not(equalTo(null))).body("code", equalTo("resend_too_soon"));
    }

    @Test
    void theLinkOpensAPageThatConfirmsTheAddress() {
        People me = People.signUp();
        send(me).statusCode(202);

        open(linkToken(me.email())).statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("Email address confirmed"))
                .body(containsString(me.email()))
                .body(not(containsString("http://"))).body(not(containsString("https://")));
        me.asMe().when().get("/users/me").then()
                .body("emailVerified", equalTo(true))
                .body("verificationStatus", equalTo("PARTIALLY_VERIFIED"));
        assertEquals(1, database.count("select count(*) from audit_events where user_id = ?::uuid "
                + "and event_type = 'email.verified' and details->>'via' = 'link'", me.id()));
    }

    @Test
    void theAddressOnThePageIsEscaped() {
        People me = People.signUp("o'brien" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        send(me).statusCode(202);
        open(linkToken(me.email())).statusCode(200)
                .body(containsString("o&#39;brien"))
                .body(not(containsString("o'brien")));
    }

    @Test
    void aUsedLinkSaysSo() {
        People me = People.signUp();
        send(me).statusCode(202);
        String token = linkToken(me.email());
        open(token).statusCode(200);
        open(token).statusCode(410).contentType(startsWith("text/html"))
                .body(containsString("already been used"));
    }

    @Test
    void aLinkWhoseCodeWasTypedIsUsed() {
        People me = People.signUp();
        send(me).statusCode(202);
        confirm(me, OtherServicesStub.CODES.get(me.email())).statusCode(200);
        open(linkToken(me.email())).statusCode(410).body(containsString("already been used"));
    }

    @Test
    void anExpiredLinkSaysSo() {
        People me = People.signUp();
        send(me).statusCode(202);
        OtherServicesStub.expireLatest(me.email());
        open(linkToken(me.email())).statusCode(410).body(containsString("expired"));
        me.asMe().when().get("/users/me").then().body("emailVerified", equalTo(false));
    }

    @Test
    void aReplacedLinkSaysSo() {
        People me = People.signUp();
        send(me).statusCode(202);
        String first = linkToken(me.email());
        send(me).statusCode(202);
        // The first code is no longer the account's challenge, but otp-service still knows it as revoked.
        open(first).statusCode(400).body(containsString("not valid"));
        open(linkToken(me.email())).statusCode(200);
    }

    @Test
    void invalidLinksSaySo() {
        People me = People.signUp();
        send(me).statusCode(202);
        String good = linkToken(me.email());
        String[] invalid = { "", "not base64 !", encode("no-dot"), encode("not-a-uuid.123456"),
                encode(UUID.randomUUID() + ".123456"), encode(otpIdOf(good) + "." + wrongCode(good)),
                "x".repeat(200) };
        for (String token : invalid) {
            open(token).statusCode(400).contentType(startsWith("text/html")).body(containsString("not valid"));
        }
        given().when().get("/auth/email/verify").then().statusCode(400).body(containsString("not valid"));
        // None of that spent the real link.
        open(good).statusCode(200);
    }

    @Test
    void aLinkForAnAddressTheAccountNoLongerHasIsRefused() {
        People me = People.signUp();
        send(me).statusCode(202);
        database.update("update users set email = ? where id = ?::uuid", Accounts.uniqueEmail(), me.id());
        open(linkToken(me.email())).statusCode(409).body(containsString("no longer uses"));
        me.asMe().when().get("/users/me").then().body("emailVerified", equalTo(false));
    }

    @Test
    void whenOtpServiceIsDownThePageSaysToTryLater() {
        People me = People.signUp();
        send(me).statusCode(202);
        OtherServicesStub.OTP_DOWN.set(true);
        open(linkToken(me.email())).statusCode(503).body(containsString("a few minutes"));
        OtherServicesStub.OTP_DOWN.set(false);
        open(linkToken(me.email())).statusCode(200);
    }

    static ValidatableResponse send(People person) {
        return person.asMe().when().post("/users/me/email/verification").then();
    }

    static ValidatableResponse confirm(People person, String code) {
        return person.asMe().body(Map.of("code", code)).when().post("/users/me/email/verification/confirm").then();
    }

    static ValidatableResponse open(String token) {
        return given().queryParam("token", token).when().get("/auth/email/verify").then();
    }

    /** The token of the newest link mailed to {@code email}. */
    static String linkToken(String email) {
        String link = OtherServicesStub.LINKS.get(email);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String otpIdOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\.")[0];
    }

    private static String wrongCode(String token) {
        String code = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\.")[1];
        return code.equals("000000") ? "111111" : "000000";
    }
}
