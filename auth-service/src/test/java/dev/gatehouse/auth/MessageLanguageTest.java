package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * A person's stored language: set with {@code PATCH /users/me}, only to a language Gatehouse speaks. The reset
 * emails (link and code) and the lock notice are written in it, else in the request's Accept-Language, else in
 * English; each in English and Kiswahili.
 */
@QuarkusTest
@WithTestResource(MessagesStub.class)
class MessageLanguageTest {

    private static final String WRONG = "not the password 1";
    /** The test profile locks an account after this many wrong passwords. */
    private static final int MAX = 3;

    @Test
    void aPersonStoresALanguageGatehouseSpeaksAndCanClearIt() {
        People me = People.signUp();
        me.asMe().when().get("/users/me").then().statusCode(200).body("locale", nullValue());
        setLocale(me, "sw").statusCode(200).body("locale", equalTo("sw")).body("id", equalTo(me.id()));
        me.asMe().when().get("/users/me").then().body("locale", equalTo("sw"));
        setLocale(me, "EN").statusCode(200).body("locale", equalTo("en"));
        setLocale(me, null).statusCode(200).body("locale", nullValue());
        me.asMe().when().get("/users/me").then().body("locale", nullValue());
    }

    @Test
    void aLanguageGatehouseDoesNotSpeakIsRefusedAndNothingChanges() {
        People me = People.signUp();
        setLocale(me, "sw").statusCode(200);
        for (String wrong : new String[] { "fr", "sw-KE-x-extra-long-and-more-than-thirty-five", "", "<b>" }) {
            setLocale(me, wrong).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("locale"));
        }
        me.asMe().when().get("/users/me").then().body("locale", equalTo("sw"));
        given().contentType(ContentType.JSON).body(Map.of("locale", "sw")).when().patch("/users/me").then()
                .statusCode(401);
    }

    @Test
    void theResetLinkMailIsInTheStoredLanguageBeforeAcceptLanguage() {
        People me = People.signUp();
        setLocale(me, "sw").statusCode(200);
        forgot(me.email(), "email_link", "en").then().statusCode(202);
        JsonObject mail = MessagesStub.awaitMail(me.email(), 1);
        assertEquals("Weka upya nenosiri lako la Gatehouse", mail.getString("subject"));
        assertTrue(mail.getString("text").contains("Mtu ameomba kuweka upya nenosiri"), mail.getString("text"));
        assertTrue(mail.getString("html").contains("lang=\"sw\""), mail.getString("html"));
        assertTrue(mail.getString("html").contains("Chagua nenosiri jipya"), mail.getString("html"));

        setLocale(me, "en").statusCode(200);
        forgot(me.email(), "email_link", "sw").then().statusCode(202);
        JsonObject english = MessagesStub.awaitMail(me.email(), 2);
        assertEquals("Reset your Gatehouse password", english.getString("subject"));
        assertTrue(english.getString("text").contains("Someone asked to reset the password"));
        assertTrue(english.getString("html").contains("lang=\"en\""));
    }

    @Test
    void withoutAStoredLanguageTheResetCodeMailFollowsAcceptLanguageElseEnglish() {
        People me = People.signUp();
        forgot(me.email(), "email_otp", "sw-KE,sw;q=0.9,en;q=0.5").then().statusCode(202);
        JsonObject swahili = MessagesStub.awaitMail(me.email(), 1);
        assertEquals("Weka upya nenosiri lako la Gatehouse", swahili.getString("subject"));
        assertTrue(swahili.getString("text").contains("Msimbo wako wa kuweka upya nenosiri la Gatehouse ni "),
                swahili.getString("text"));
        assertTrue(swahili.getString("text").contains("dakika "), swahili.getString("text"));

        forgot(me.email(), "email_otp", null).then().statusCode(202);
        JsonObject english = MessagesStub.awaitMail(me.email(), 2);
        assertTrue(english.getString("text").contains("Your Gatehouse password reset code is "),
                english.getString("text"));

        forgot(me.email(), "email_otp", "fr-FR").then().statusCode(202);
        assertEquals("Reset your Gatehouse password", MessagesStub.awaitMail(me.email(), 3).getString("subject"));
    }

    @Test
    void theLockNoticeIsInKiswahiliForAPersonWhoChoseIt() {
        People me = People.signUp();
        setLocale(me, "sw").statusCode(200);
        lockOut(me.email(), "en");
        JsonObject mail = MessagesStub.awaitMail(me.email(), 1);
        assertEquals("Majaribio ya kuingia yaliyoshindwa kwenye akaunti yako ya Gatehouse", mail.getString("subject"));
        assertTrue(mail.getString("text").contains("kuingia kutoka kwenye vifaa vipya kumesitishwa hadi "),
                mail.getString("text"));
        assertTrue(mail.getString("text").contains("/auth/password/reset?token="), mail.getString("text"));
        assertTrue(mail.getString("html").contains("lang=\"sw\""), mail.getString("html"));
        assertTrue(mail.getString("html").contains("chagua nenosiri jipya</a>"), mail.getString("html"));
        assertTrue(MessagesStub.linkToken(mail) != null);
    }

    @Test
    void theLockNoticeFollowsAcceptLanguageElseEnglish() {
        People swahili = People.signUp();
        lockOut(swahili.email(), "sw");
        assertEquals("Majaribio ya kuingia yaliyoshindwa kwenye akaunti yako ya Gatehouse",
                MessagesStub.awaitMail(swahili.email(), 1).getString("subject"));

        People english = People.signUp();
        lockOut(english.email(), null);
        JsonObject mail = MessagesStub.awaitMail(english.email(), 1);
        assertEquals("Failed logins to your Gatehouse account", mail.getString("subject"));
        assertTrue(mail.getString("text").contains("logins from new devices are paused until "));
        assertTrue(mail.getString("html").contains("lang=\"en\""));
        assertTrue(mail.getString("html").contains("choose a new password</a>"));
    }

    @Test
    void wrongPasswordConfirmationsThatLockTheAccountSendTheNoticeToo() {
        People me = People.signUp();
        for (int i = 0; i < MAX; i++) {
            me.asMe().body(Map.of("currentPassword", WRONG, "newPassword", "Another-Horse-Battery-7"))
                    .when().post("/users/me/password").then().statusCode(403);
        }
        JsonObject mail = MessagesStub.awaitMail(me.email(), 1);
        assertEquals("Failed logins to your Gatehouse account", mail.getString("subject"));
        assertTrue(mail.getString("text").contains("/auth/password/reset?token="), mail.getString("text"));
    }

    private static void lockOut(String email, String acceptLanguage) {
        for (int i = 0; i < MAX; i++) {
            var request = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", WRONG));
            if (acceptLanguage != null) {
                request.header("Accept-Language", acceptLanguage);
            }
            request.when().post("/auth/login").then().statusCode(401);
        }
    }

    static ValidatableResponse setLocale(People me, String locale) {
        Map<String, Object> body = new HashMap<>();
        body.put("locale", locale);
        return me.asMe().body(body).when().patch("/users/me").then();
    }

    private static io.restassured.response.Response forgot(String email, String method, String acceptLanguage) {
        var request = given().contentType(ContentType.JSON).body(Map.of("email", email, "method", method));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.when().post("/auth/password/forgot");
    }
}
