package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The console as people use it: a real Chromium against a real {@code deploy/local/run}, through its gateway, with
 * the codes and links read from the dev inbox. Screenshots of the main pages land in target/console-screenshots.
 */
@ExtendWith(LocalRunExtension.class)
class ConsoleBrowserIT {

    private static String baseUrl;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
        baseUrl = RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** A person who signed up in the console. */
    record Account(String email, String phone) {
    }

    private static Account signUp(Browser browser) {
        Account account = new Account(Gatehouse.uniqueEmail(), Gatehouse.uniqueKenyanMobile());
        browser.go("/console/sign-up");
        browser.type("#email", account.email());
        browser.type("#phoneNumber", account.phone());
        browser.type("#password", Gatehouse.PASSWORD);
        browser.press("form.card button[type=submit]");
        assertTrue(browser.text().contains("Your account is ready"), browser.text());
        return account;
    }

    private static void signIn(Browser browser, String identifier, String password) {
        browser.go("/console/sign-in");
        browser.type("#identifier", identifier);
        browser.type("#password", password);
        browser.press("form.card button[type=submit]");
        assertEquals("/console/me", browser.path(), browser.text());
    }

    /** Verifies the phone and the email from the Me page with the codes the dev inbox received. */
    private static void verifyBoth(Browser browser, Account account) {
        browser.go("/console/me");
        String sms = Gatehouse.awaitCode(account.phone(), () -> browser.press("#phone-send"));
        assertTrue(browser.notice().contains("code is on its way"), browser.notice());
        browser.type("#phone-code", sms);
        browser.press("#phone-confirm");
        assertEquals("Verified.", browser.notice());
        String mail = Gatehouse.awaitCode(account.email(), () -> browser.press("#email-send"));
        browser.type("#email-code", mail);
        browser.press("#email-confirm");
        assertEquals("Verified.", browser.notice());
        assertTrue(browser.find("#phone-status").getText().endsWith("verified"));
        assertFalse(browser.find("#phone-status").getText().contains("not verified"));
        assertFalse(browser.find("#email-status").getText().contains("not verified"));
    }

    @Test
    void ownersAndMembersGoThroughTheJoinFlowInTheBrowser() {
        try (Browser owner = Browser.open(baseUrl, true); Browser member = Browser.open(baseUrl, true)) {
            Account ownerAccount = signUp(owner);
            owner.screenshot("sign-up");
            owner.go("/console/sign-in");
            owner.screenshot("sign-in");
            signIn(owner, ownerAccount.email(), Gatehouse.PASSWORD);
            verifyBoth(owner, ownerAccount);
            owner.screenshot("me");

            // A company, verified with the SMS code sent to its own phone.
            String companyPhone = Gatehouse.uniqueKenyanMobile();
            owner.go("/console/companies");
            owner.type("#company-name", "Browser " + UUID.randomUUID().toString().substring(0, 8));
            owner.type("#company-country", "KE");
            owner.type("#company-phone", companyPhone);
            owner.press("#company-phone ~ button[type=submit]");
            String companyId = owner.find("#company-id").getText();
            assertEquals("PENDING_VERIFICATION", owner.find("#company-status").getText());
            String code = Gatehouse.awaitCode(companyPhone, () -> owner.press("#company-send"));
            owner.type("#company-code", code);
            owner.press("#company-confirm");
            assertEquals("The company is active.", owner.notice());
            assertEquals("ACTIVE", owner.find("#company-status").getText());
            owner.go("/console/companies");
            assertTrue(owner.find("#companies").getText().contains(companyId));
            owner.screenshot("companies");

            // A second person, signed in by phone number, asks to join.
            Account memberAccount = signUp(member);
            signIn(member, memberAccount.email(), Gatehouse.PASSWORD);
            verifyBoth(member, memberAccount);
            member.go("/console/sign-in");
            member.go("/console/me");
            member.press("form.signout button");
            signIn(member, memberAccount.phone(), Gatehouse.PASSWORD);
            member.go("/console/join");
            member.type("#join-company", companyId);
            member.type("#join-message", "I work in the warehouse");
            member.press("#join-message ~ button[type=submit]");
            assertTrue(member.notice().contains("Your request is sent"), member.notice());
            assertTrue(member.find("#my-requests").getText().contains("PENDING"));
            member.screenshot("join");

            // The owner approves it; the member appears among the members.
            owner.go("/console/companies/" + companyId);
            String request = owner.find("#requests").getText();
            assertTrue(request.contains("I work in the warehouse"), request);
            // The requester's verified email address and phone number, as auth-service had them verified.
            assertTrue(request.contains(memberAccount.email()) && request.contains(memberAccount.phone()), request);
            owner.screenshot("company");
            owner.press("#requests button.approve");
            assertTrue(owner.notice().contains("Approved"), owner.notice());
            String memberId = userId(memberAccount.email());
            assertTrue(owner.find("#members").getText().contains(memberId), owner.find("#members").getText());
            member.go("/console/join");
            assertTrue(member.find("#my-requests").getText().contains("APPROVED"));

            // A third person's request is rejected with a reason, which they can read.
            Gatehouse.Person third = Gatehouse.verified(Gatehouse.signUp());
            given().auth().oauth2(third.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("companyId", companyId)).when().post("/approvals").then().statusCode(201);
            owner.go("/console/companies/" + companyId);
            owner.type("#requests input[name=reason]", "We are not hiring this month");
            owner.press("#requests button.reject");
            assertEquals("Rejected.", owner.notice());
            List<Map<String, Object>> thirds = given().auth().oauth2(third.accessToken()).when()
                    .get("/approvals/mine").then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals("REJECTED", thirds.get(0).get("status"));
            assertEquals("We are not hiring this month", thirds.get(0).get("reason"));
        }
    }

    @Test
    void aSessionIsRevokedAndTheLanguageSwitchesAndAForgedFormIsRefused() {
        try (Browser browser = Browser.open(baseUrl, true)) {
            Account account = signUp(browser);
            signIn(browser, account.email(), Gatehouse.PASSWORD);
            // The same person on another device, through the API.
            String otherRefresh = Gatehouse.login(account.email(), Gatehouse.PASSWORD, "phone")
                    .getString("refreshToken");
            browser.go("/console/me");
            assertTrue(browser.find("#sessions").getText().contains("phone"), browser.find("#sessions").getText());
            browser.screenshot("sessions");
            // The first row without "(this browser)" is the phone.
            browser.script("for (const row of document.querySelectorAll('#sessions tbody tr')) {"
                    + " if (!row.textContent.includes('this browser')) { row.querySelector('button').id = 'revoke-other';"
                    + " break; } }");
            browser.press("#revoke-other");
            assertEquals("That device is signed out.", browser.notice());
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", otherRefresh)).when()
                    .post("/auth/refresh").then().statusCode(401);

            // Kiswahili and back.
            browser.press("footer a[lang=sw]");
            assertEquals("sw", browser.find("html").getAttribute("lang"));
            assertTrue(browser.find("h1").getText().contains("Akaunti yangu"), browser.find("h1").getText());
            browser.screenshot("me-sw");
            browser.press("footer a[lang=en]");
            assertTrue(browser.find("h1").getText().contains("My account"));

            // The language of the person's own messages, stored in auth-service.
            browser.script("document.getElementById('locale').value = 'sw';");
            browser.press("#locale-save");
            assertEquals("The language is saved.", browser.notice());
            assertEquals("sw", browser.find("#locale").getAttribute("value"));
            String accessToken = Gatehouse.login(account.email(), Gatehouse.PASSWORD, "api").getString("accessToken");
            given().auth().oauth2(accessToken).when().get("/users/me").then().statusCode(200)
                    .body("locale", org.hamcrest.Matchers.equalTo("sw"));

            // A form whose CSRF token was tampered with is refused, and nothing happens.
            browser.script("document.querySelector('form[action$=\"/background/software\"] input[name=csrf]')"
                    + ".value = 'forged';");
            browser.type("#software-languages", "java");
            browser.press("form[action$='/background/software'] button[type=submit]");
            assertTrue(browser.text().contains("The form was refused"), browser.text());
            browser.screenshot("csrf-refused");
            browser.go("/console/me");
            assertEquals("", browser.find("#software-languages").getAttribute("value"));
        }
    }

    @Test
    void everyFormWorksWithoutJavaScript() {
        try (Browser browser = Browser.open(baseUrl, false)) {
            Account account = signUp(browser);
            signIn(browser, account.email(), Gatehouse.PASSWORD);
            browser.go("/console/me");
            browser.type("#software-languages", "Java, Kotlin");
            browser.type("#software-frameworks", "Quarkus");
            browser.press("form[action$='/background/software'] button[type=submit]");
            assertEquals("Saved.", browser.notice());
            assertEquals("java, kotlin", browser.find("#software-languages").getAttribute("value").toLowerCase());
            browser.press("form.signout button");
            assertTrue(browser.path().startsWith("/console/sign-in"), browser.path());
            assertTrue(browser.text().contains("You have signed out."));
            browser.go("/console/me");
            assertTrue(browser.path().startsWith("/console/sign-in"), "signed out for real: " + browser.path());
        }
    }

    @Test
    void aForgottenPasswordIsResetFromTheEmailedLink() {
        // Without JavaScript the reset page posts its form and answers with a page, the path every browser has.
        try (Browser browser = Browser.open(baseUrl, false)) {
            Account account = signUp(browser);
            browser.go("/console/forgot-password");
            browser.screenshot("forgot-password");
            browser.type("#email", account.email());
            String link = Gatehouse.awaitLink(account.email(),
                    () -> browser.press("form.card button[type=submit]"));
            assertTrue(browser.text().contains("reset link is on its way"), browser.text());
            browser.go(link);
            browser.screenshot("reset-page");
            String newPassword = "Another-Long-Passphrase-7";
            browser.type("#newPassword", newPassword);
            browser.type("#confirmPassword", newPassword);
            browser.press("#reset-form button[type=submit]");
            assertTrue(browser.text().contains("Password changed"), browser.text());
            signIn(browser, account.email(), newPassword);
        }
    }

    private static String userId(String email) {
        String token = Gatehouse.login(email, Gatehouse.PASSWORD, "lookup").getString("accessToken");
        return given().auth().oauth2(token).when().get("/users/me").then().statusCode(200).extract().path("id");
    }
}
