package dev.gatehouse.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The backend-for-frontend rules: the browser gets a cookie and never a token, every form needs its CSRF token,
 * tokens are refreshed once even under parallel requests, sign-out ends the Gatehouse session, and every service
 * error reads as a sentence.
 */
@QuarkusTest
@QuarkusTestResource(GatehouseStub.class)
class ConsoleSessionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void reset() {
        GatehouseStub.reset();
    }

    /** A signed-in browser: its session cookie and the CSRF token of its pages. */
    record Browser(String session, String csrf) {
    }

    private Browser signIn() {
        Response page = given().get("/console/sign-in");
        String preCsrf = page.getCookie("gatehouse_console_csrf");
        Response signedIn = given().redirects().follow(false).cookie("gatehouse_console_csrf", preCsrf)
                .header("X-Forwarded-For", "203.0.113.7")
                .formParam("csrf", csrf(page.asString())).formParam("identifier", GatehouseStub.EMAIL)
                .formParam("password", GatehouseStub.PASSWORD).post("/console/sign-in");
        assertEquals(303, signedIn.statusCode(), signedIn.asString());
        String session = signedIn.getCookie("gatehouse_console");
        String me = given().cookie("gatehouse_console", session).get("/console/me").then().statusCode(200).extract()
                .asString();
        return new Browser(session, csrf(me));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), "the page has a CSRF token");
        return matcher.group(1);
    }

    @Test
    void signInGivesAnHttpOnlyStrictCookieAndNeverAToken() {
        Response page = given().get("/console/sign-in");
        String preCsrf = page.getCookie("gatehouse_console_csrf");
        Response signedIn = given().redirects().follow(false).cookie("gatehouse_console_csrf", preCsrf)
                .header("X-Forwarded-For", "203.0.113.7").formParam("csrf", csrf(page.asString()))
                .formParam("identifier", GatehouseStub.EMAIL).formParam("password", GatehouseStub.PASSWORD)
                .post("/console/sign-in");

        assertEquals(303, signedIn.statusCode());
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertTrue(setCookie.contains("Path=/console"), setCookie);
        assertFalse(signedIn.asString().contains("access-"), "no token in the body");
        assertFalse(signedIn.headers().toString().contains("access-"), "no token in a header");
        assertFalse(signedIn.headers().toString().contains("refresh-"), "no refresh token in a header");

        String session = signedIn.getCookie("gatehouse_console");
        given().cookie("gatehouse_console", session).get("/console/me").then().statusCode(200)
                .body(containsString(GatehouseStub.EMAIL)).body(not(containsString("access-")))
                .body(not(containsString("refresh-")))
                .header("Cache-Control", containsString("no-store"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void theCookieIsNotTheStoredKey() throws Exception {
        Browser browser = signIn();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT encode(id_hash, 'base64') FROM console_sessions")) {
            while (rows.next()) {
                assertFalse(rows.getString(1).contains(browser.session()), "only the digest is stored");
            }
        }
    }

    @Test
    void signInWithoutTheFormTokenIsRefused() {
        given().redirects().follow(false).cookie("gatehouse_console_csrf", "a".repeat(43))
                .formParam("csrf", "b".repeat(43)).formParam("identifier", GatehouseStub.EMAIL)
                .formParam("password", GatehouseStub.PASSWORD).post("/console/sign-in")
                .then().statusCode(403).body(containsString("reload the page"));
        assertEquals(0, GatehouseStub.calls("POST /auth/login"), "auth-service was never asked");
    }

    @Test
    void aFormWithAWrongCsrfTokenIsRefusedAndNothingIsDone() {
        Browser browser = signIn();
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", "not-the-token").post("/console/me/verification/phone/send")
                .then().statusCode(403).body(containsString("reload the page"));
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .post("/console/me/verification/phone/send").then().statusCode(403);
        assertEquals(0, GatehouseStub.calls("POST /users/me/phone/verification"));

        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).post("/console/me/verification/phone/send")
                .then().statusCode(303);
        assertEquals(1, GatehouseStub.calls("POST /users/me/phone/verification"));
    }

    @Test
    void wrongCredentialsReadAsASentence() {
        Response page = given().get("/console/sign-in");
        given().cookie("gatehouse_console_csrf", page.getCookie("gatehouse_console_csrf"))
                .formParam("csrf", csrf(page.asString())).formParam("identifier", GatehouseStub.EMAIL)
                .formParam("password", "wrong password!").post("/console/sign-in")
                .then().statusCode(401)
                .body(containsString("do not match an account"))
                .body(not(containsString("invalid_credentials")))
                .body(not(containsString("{\"")));
    }

    @Test
    void aServiceErrorAfterAFormIsANoticeWithItsDetails() {
        Browser browser = signIn();
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("code", "000000")
                .post("/console/me/verification/phone/confirm").then().statusCode(303)
                .header("Location", containsString("/console/me"));
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then().statusCode(200)
                .body(containsString("That code is not right. 2 attempts left."));
        // The notice is shown once.
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then()
                .body(not(containsString("That code is not right")));
    }

    @Test
    void aConfirmedVerificationReplacesTheTokensSoTheirClaimsAreCurrent() {
        Browser browser = signIn();
        int refreshes = GatehouseStub.calls("POST /auth/refresh");
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("code", "123456")
                .post("/console/me/verification/email/confirm").then().statusCode(303);
        assertEquals(refreshes + 1, GatehouseStub.calls("POST /auth/refresh"));
        // The stub no longer accepts the old token: the next page works only with the new one.
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then().statusCode(200)
                .body(containsString("Verified."));
    }

    @Test
    void aWrongCurrentPasswordReadsAsSuch() {
        Browser browser = signIn();
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("currentPassword", "not it")
                .formParam("newPassword", "Another-Long-Passphrase-7").post("/console/me/password").then()
                .statusCode(303);
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then()
                .body(containsString("The current password is not right."));
    }

    @Test
    void platformAdminsSearchPeopleAndSeeWhyAStatusChangeIsRefused() {
        Browser browser = signIn();
        given().cookie("gatehouse_console", browser.session()).queryParam("language", "java")
                .get("/console/admin").then().statusCode(200)
                .body(containsString("1 people found.")).body(containsString("found-java@example.com"));
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("companyId", "KE-ABCD-1234")
                .formParam("status", "ACTIVE").formParam("reason", "Reopened").post("/console/admin/company-status")
                .then().statusCode(303).header("Location", containsString("/console/admin"));
        given().cookie("gatehouse_console", browser.session()).get("/console/admin").then()
                .body(containsString("That status change is not allowed"));
    }

    @Test
    void ownersSeeTheVerifiedContactOfEachRequesterInBothLanguages() {
        Browser browser = signIn();
        String page = given().cookie("gatehouse_console", browser.session())
                .get("/console/companies/" + GatehouseStub.OWNED_COMPANY).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<a href=\"mailto:wanjiru@example.co.ke\">wanjiru@example.co.ke</a>"), page);
        assertTrue(page.contains("<a href=\"tel:+254712000111\">+254712000111</a>"), page);
        assertTrue(page.contains("Verified email") && page.contains("Verified phone"), page);
        // The second request has neither: the page says so instead of showing an empty value.
        assertEquals(2, page.split("<em>not verified</em>", -1).length - 1, page);

        given().cookie("gatehouse_console", browser.session()).cookie("gatehouse_lang", "sw")
                .get("/console/companies/" + GatehouseStub.OWNED_COMPANY).then().statusCode(200)
                .body(containsString("Barua pepe iliyothibitishwa")).body(containsString("Simu iliyothibitishwa"))
                .body(containsString("haijathibitishwa")).body(containsString("mailto:wanjiru@example.co.ke"));
    }

    @Test
    void thePersonChoosesTheLanguageOfTheirMessagesAndCanGoBackToTheBrowsers() {
        Browser browser = signIn();
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then().statusCode(200)
                .body(containsString("<option value=\"\" selected>The one my browser asks for</option>"));
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("locale", "sw").post("/console/me/locale").then()
                .statusCode(303).header("Location", containsString("/console/me"));
        assertEquals("sw", GatehouseStub.LOCALE.get());
        given().cookie("gatehouse_console", browser.session()).get("/console/me").then().statusCode(200)
                .body(containsString("The language is saved."))
                .body(containsString("<option value=\"sw\" lang=\"sw\" selected>Kiswahili</option>"));
        given().cookie("gatehouse_console", browser.session()).cookie("gatehouse_lang", "sw").get("/console/me")
                .then().body(containsString("Lugha ya barua pepe na jumbe zako"));

        // A wrong CSRF token changes nothing.
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", "forged").formParam("locale", "en").post("/console/me/locale").then()
                .statusCode(403);
        assertEquals("sw", GatehouseStub.LOCALE.get());

        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).formParam("locale", "").post("/console/me/locale").then()
                .statusCode(303);
        assertNull(GatehouseStub.LOCALE.get());
        assertEquals(2, GatehouseStub.calls("PATCH /users/me"));
    }

    @Test
    void platformAdminsPageThroughSearchResultsWithPlainLinks() {
        Browser browser = signIn();
        String first = admin(browser, Map.of("language", GatehouseStub.MANY, "platform", "linux"));
        assertTrue(first.contains("45 people found."), first);
        assertTrue(first.contains("p0-0@example.com") && first.contains("p0-19@example.com"), first);
        assertTrue(first.contains("Page 1 of 3"), first);
        assertFalse(first.contains("id=\"previous-page\""), first);
        String next = link(first, "next-page");
        // Every term travels, encoded; the HTML escapes the separators.
        assertEquals("/console/admin?language=c%2B%2B&platform=linux&page=1", next);

        String second = given().cookie("gatehouse_console", browser.session()).urlEncodingEnabled(false)
                .get(next).then().statusCode(200).extract().asString();
        assertTrue(second.contains("p1-20@example.com") && !second.contains("p0-0@example.com"), second);
        assertTrue(second.contains("Page 2 of 3"), second);
        assertEquals("/console/admin?language=c%2B%2B&platform=linux&page=0", link(second, "previous-page"));
        assertEquals("/console/admin?language=c%2B%2B&platform=linux&page=2", link(second, "next-page"));

        String last = admin(browser, Map.of("language", GatehouseStub.MANY, "platform", "linux", "page", "2"));
        assertTrue(last.contains("p2-44@example.com") && last.contains("Page 3 of 3"), last);
        assertFalse(last.contains("id=\"next-page\""), last);

        // An old link past the end still leads back to the last page.
        String beyond = admin(browser, Map.of("language", GatehouseStub.MANY, "page", "7"));
        assertEquals("/console/admin?language=c%2B%2B&page=2", link(beyond, "previous-page"));
        assertFalse(beyond.contains("id=\"next-page\""), beyond);

        // One page of results needs no pager; in Kiswahili the pager speaks Kiswahili.
        assertFalse(admin(browser, Map.of("language", "java")).contains("id=\"pager\""));
        given().cookie("gatehouse_console", browser.session()).cookie("gatehouse_lang", "sw")
                .queryParam("language", GatehouseStub.MANY).get("/console/admin").then()
                .body(containsString("Ukurasa 1 kati ya 3")).body(containsString("Ukurasa unaofuata"));
    }

    private static String admin(Browser browser, Map<String, String> query) {
        return given().cookie("gatehouse_console", browser.session()).queryParams(query).get("/console/admin")
                .then().statusCode(200).extract().asString();
    }

    /** The href of the link with this id, unescaped as a browser reads it. */
    private static String link(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertTrue(matcher.find(), id + " in " + html);
        return matcher.group(1).replace("&amp;", "&");
    }

    @Test
    void anUnavailableServiceReadsAsASentenceNotAStackTrace() {
        Browser browser = signIn();
        GatehouseStub.DOWN.set("/companies");
        given().cookie("gatehouse_console", browser.session()).get("/console/companies").then().statusCode(503)
                .body(containsString("unavailable right now")).body(not(containsString("Exception")));
    }

    @Test
    void pagesSpeakKiswahiliFromAcceptLanguageAndTheChosenLanguageWins() {
        given().header("Accept-Language", "sw-KE,sw;q=0.9,en;q=0.5").get("/console/sign-in").then()
                .body(containsString("lang=\"sw\"")).body(containsString("Barua pepe au nambari ya simu"));
        given().header("Accept-Language", "sw").cookie("gatehouse_lang", "en").get("/console/sign-in").then()
                .body(containsString("Email or phone number"));
        given().redirects().follow(false).get("/console/language?lang=sw&back=/console/sign-in").then()
                .statusCode(303).header("Location", containsString("/console/sign-in"))
                .header("Set-Cookie", containsString("gatehouse_lang=sw"));
        given().redirects().follow(false).get("/console/language?lang=sw&back=//evil.example").then()
                .statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void withoutASessionPagesSendToSignIn() {
        given().redirects().follow(false).get("/console/me").then().statusCode(303)
                .header("Location", containsString("/console/sign-in"));
        given().redirects().follow(false).cookie("gatehouse_console", "forged").get("/console/companies").then()
                .statusCode(303).header("Location", containsString("/console/sign-in"));
    }

    @Test
    void parallelRequestsWithAnExpiredTokenRefreshItOnce() throws Exception {
        GatehouseStub.ACCESS_SECONDS.set(0);
        Browser browser = signIn();
        // The token from sign-in is already expired; the one the refresh hands out is good for five minutes.
        GatehouseStub.ACCESS_SECONDS.set(300);
        int refreshesBefore = GatehouseStub.calls("POST /auth/refresh");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().redirects().follow(false)
                        .cookie("gatehouse_console", browser.session()).get("/console/companies").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(), "every request is served, none is signed out");
            }
        } finally {
            pool.shutdownNow();
        }
        // The refresh token is single-use: a second refresh with it would have failed and signed someone out.
        assertEquals(1, GatehouseStub.calls("POST /auth/refresh") - refreshesBefore);
    }

    @Test
    void signOutEndsTheGatehouseSessionAndTheConsoleSession() {
        Browser browser = signIn();
        given().redirects().follow(false).cookie("gatehouse_console", browser.session())
                .formParam("csrf", browser.csrf()).post("/console/sign-out").then().statusCode(303)
                .header("Set-Cookie", containsString("Max-Age=0"));
        assertEquals(1, GatehouseStub.calls("POST /auth/logout"));
        given().redirects().follow(false).cookie("gatehouse_console", browser.session()).get("/console/me").then()
                .statusCode(303).header("Location", containsString("/console/sign-in"));
    }
}
