package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RegistrationTest {

    @Test
    void registersAnUnverifiedAccount() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", Accounts.PASSWORD, "phoneNumber", phone))
                .when().post("/auth/register")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("email", equalTo(email))
                .body("phoneNumber", equalTo(phone))
                .body("emailVerified", equalTo(false))
                .body("phoneVerified", equalTo(false))
                .body("verificationStatus", equalTo("UNVERIFIED"))
                .body("roles", containsInAnyOrder("user"))
                .body("createdAt", notNullValue())
                .body("passwordHash", nullValue())
                .body("password", nullValue());
    }

    @Test
    void rejectsMalformedFieldsOneByOneAndWritesNothing() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", "short", "phoneNumber", "0712345678"))
                .when().post("/auth/register")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("email", "password", "phoneNumber"))
                .body("type", startsWith("https://"))
                .body("trace", nullValue());

        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "alllettersnodigits", "phoneNumber", phone))
                .when().post("/auth/register")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("password"));

        // Nothing was written: the same email and phone can still register.
        Accounts.register(email, phone);
    }

    @Test
    void rejectsMissingAndUnreadableBodies() {
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_request"));

        given().contentType(ContentType.JSON).body("{}")
                .when().post("/auth/register")
                .then().statusCode(400)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("phoneNumber"));
    }

    @Test
    void takenEmailIsAConflictWhateverItsCase() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        String otherPhone = Accounts.uniquePhone();

        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", Accounts.PASSWORD, "phoneNumber", otherPhone))
                .when().post("/auth/register")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("email_taken"));

        // The refused registration did not keep the phone number either.
        Accounts.register(Accounts.uniqueEmail(), otherPhone);
    }

    @Test
    void takenPhoneIsAConflict() {
        String phone = Accounts.uniquePhone();
        Accounts.register(Accounts.uniqueEmail(), phone);
        String otherEmail = Accounts.uniqueEmail();

        given().contentType(ContentType.JSON)
                .body(Map.of("email", otherEmail, "password", Accounts.PASSWORD, "phoneNumber", phone))
                .when().post("/auth/register")
                .then().statusCode(409)
                .body("code", equalTo("phone_taken"));

        Accounts.register(otherEmail, Accounts.uniquePhone());
    }
}
