package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The page an emailed reset link opens, with and without JavaScript. */
@QuarkusTest
@WithTestResource(MessagesStub.class)
class PasswordResetPageTest {

    private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aValidLinkOpensAFormUnderAStrictPolicy() {
        String token = linkFor(registered());

        Response page = page(token);
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("<form id=\"reset-form\" method=\"post\""))
                .body(containsString("name=\"token\" value=\"" + token + "\""))
                .body(containsString("name=\"newPassword\""))
                .body(containsString("name=\"confirmPassword\""));

        Matcher nonce = NONCE.matcher(page.header("Content-Security-Policy"));
        assertTrue(nonce.find(), "the policy allows scripts by nonce only");
        String html = page.asString();
        assertTrue(html.contains("<script nonce=\"" + nonce.group(1) + "\">"), "the inline script carries the nonce");
        assertTrue(html.contains("<style nonce=\"" + nonce.group(1) + "\">"), "the inline style carries the nonce");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "no external assets");
        assertFalse(page(token).header("Content-Security-Policy").contains(nonce.group(1)), "a nonce per response");
    }

    @Test
    void theFormWorksWithoutJavaScript() {
        String email = registered();
        String token = linkFor(email);

        form(token, PasswordResetTest.NEW_PASSWORD, "something else 9").then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("do not match"))
                .body(containsString("<form"));
        form(token, "short", "short").then().statusCode(400).body(containsString("must be 10 to 128 characters"))
                .body(containsString("name=\"token\" value=\"" + token + "\""));

        form(token, PasswordResetTest.NEW_PASSWORD, PasswordResetTest.NEW_PASSWORD).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Cache-Control", "no-store")
                .body(containsString("Password changed")).body(not(containsString("<form")));
        PasswordResetTest.login(email, PasswordResetTest.NEW_PASSWORD).then().statusCode(200);

        page(token).then().statusCode(410).body(containsString("already been used"))
                .body(not(containsString("<form")));
        form(token, "another one 12345", "another one 12345").then().statusCode(410)
                .body(containsString("already been used"));
    }

    @Test
    void anUnknownLinkSaysSoWithoutAForm() {
        page("no-such-token").then().statusCode(400).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("not valid")).body(not(containsString("<form")));
        given().when().get("/auth/password/reset").then().statusCode(400).body(not(containsString("<form")));
        page("\"><script>alert(1)</script>").then().statusCode(400)
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void anExpiredLinkSaysSo() {
        String email = registered();
        String token = linkFor(email);
        new ResetRows(dataSource).expirePending(email);

        page(token).then().statusCode(410).body(containsString("expired")).body(not(containsString("<form")));
        PasswordResetTest.reset(java.util.Map.of("token", token, "newPassword", PasswordResetTest.NEW_PASSWORD))
                .then().statusCode(400).body("code", equalTo("reset_invalid"));
    }

    private static String registered() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        return email;
    }

    private static String linkFor(String email) {
        int before = MessagesStub.mailsTo(email).size();
        PasswordResetTest.forgot(email, "email_link").then().statusCode(202);
        return MessagesStub.linkToken(MessagesStub.awaitMail(email, before + 1));
    }

    private static Response page(String token) {
        return given().queryParam("token", token).when().get("/auth/password/reset");
    }

    private static Response form(String token, String newPassword, String confirmPassword) {
        return given().formParam("token", token).formParam("newPassword", newPassword)
                .formParam("confirmPassword", confirmPassword).when().post("/auth/password/reset");
    }
}
