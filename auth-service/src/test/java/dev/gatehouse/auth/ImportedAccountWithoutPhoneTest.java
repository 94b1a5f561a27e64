package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An imported account may lack a phone number; nothing else may, and a phone number present keeps its rules. */
@QuarkusTest
class ImportedAccountWithoutPhoneTest {

    private static final String BCRYPT = "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i";

    @Inject
    Database database;

    @Test
    void anImportedAccountWithoutPhoneSignsInAndItsTokenHasNoPhoneClaim() {
        String email = imported(null);
        imported(null); // two accounts without a phone do not collide on the unique phone number

        JsonPath tokens = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse")).when().post("/auth/login")
                .then().statusCode(200).extract().jsonPath();

        String claims = new String(Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertFalse(claims.contains("phone_number\""), claims);
        given().auth().oauth2(tokens.getString("accessToken")).when().get("/users/me")
                .then().statusCode(200).body("email", equalTo(email)).body("phoneNumber", nullValue());
        given().auth().oauth2(tokens.getString("accessToken")).when().post("/users/me/phone/verification")
                .then().statusCode(409).body("code", equalTo("no_phone_number"));
    }

    @Test
    void onlyAnImportedAccountMayLackAPhoneNumber() {
        assertThrows(IllegalStateException.class, () -> database.update(
                "insert into users (id, email, password_hash, phone_number) values (?::uuid, ?, ?, null)",
                UUID.randomUUID().toString(), Accounts.uniqueEmail(), BCRYPT));
    }

    @Test
    void aPhoneNumberOnAnImportedAccountIsStillE164AndUnique() {
        assertThrows(IllegalStateException.class, () -> imported("0712345678"));
        String phone = Accounts.uniquePhone();
        imported(phone);
        assertThrows(IllegalStateException.class, () -> imported(phone));
    }

    @Test
    void signUpStillRequiresAPhoneNumber() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD))
                .when().post("/auth/register")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("phoneNumber"));
    }

    private String imported(String phone) {
        String email = Accounts.uniqueEmail();
        assertEquals(1, database.update("insert into users (id, email, password_hash, phone_number, imported_from) "
                + "values (?::uuid, ?, ?, ?, 'better-auth')", UUID.randomUUID().toString(), email, BCRYPT, phone));
        return email;
    }
}
