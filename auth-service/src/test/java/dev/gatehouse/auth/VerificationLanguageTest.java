package dev.gatehouse.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The verification codes' texts (the SMS, and the email with its link) are written by otp-service in the language
 * auth-service asks for: the person's stored language, else the request's Accept-Language, else English.
 */
@QuarkusTest
@WithTestResource(OtherServicesStub.class)
class VerificationLanguageTest {

    @AfterEach
    void stubBackToNormal() {
        OtherServicesStub.reset();
    }

    @Test
    void theStoredLanguageWinsOverAcceptLanguageForTheSmsAndTheEmail() {
        People me = People.signUp();
        MessageLanguageTest.setLocale(me, "sw").statusCode(200);
        me.asMe().header("Accept-Language", "en").when().post("/users/me/phone/verification").then().statusCode(202);
        assertEquals("sw", OtherServicesStub.LAST_REQUEST.get().getString("locale"));
        me.asMe().header("Accept-Language", "en").when().post("/users/me/email/verification").then().statusCode(202);
        assertEquals("sw", OtherServicesStub.LAST_REQUEST.get().getString("locale"));
        assertEquals("EMAIL", OtherServicesStub.LAST_REQUEST.get().getString("channel"));

        MessageLanguageTest.setLocale(me, "en").statusCode(200);
        OtherServicesStub.reset();
        me.asMe().header("Accept-Language", "sw").when().post("/users/me/phone/verification").then().statusCode(202);
        assertEquals("en", OtherServicesStub.LAST_REQUEST.get().getString("locale"));
    }

    @Test
    void withoutAStoredLanguageAcceptLanguageDecidesElseEnglish() {
        People me = People.signUp();
        me.asMe().header("Accept-Language", "sw-KE, en;q=0.5").when().post("/users/me/phone/verification").then()
                .statusCode(202);
        assertEquals("sw", OtherServicesStub.LAST_REQUEST.get().getString("locale"));

        People other = People.signUp();
        other.asMe().when().post("/users/me/email/verification").then().statusCode(202);
        assertEquals("en", OtherServicesStub.LAST_REQUEST.get().getString("locale"));
        other.asMe().header("Accept-Language", "de").when().post("/users/me/phone/verification").then()
                .statusCode(202);
        assertEquals("en", OtherServicesStub.LAST_REQUEST.get().getString("locale"));
    }
}
