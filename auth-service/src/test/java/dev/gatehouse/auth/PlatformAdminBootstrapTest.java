package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** In tests, boss@example.com and chief@example.com are listed in PLATFORM_ADMIN_EMAILS. */
@QuarkusTest
class PlatformAdminBootstrapTest {

    @Inject
    Database database;

    @Test
    void aListedAddressBecomesPlatformAdminOnlyOnceVerified() {
        String email = "chief@example.com";
        Accounts.register(email, Accounts.uniquePhone());

        String unverified = Accounts.login(email, "laptop").getString("accessToken");
        given().auth().oauth2(unverified).when().get("/users/me").then().statusCode(200)
                .body("roles", not(hasItem("platform-admin")));
        given().auth().oauth2(unverified).when().get("/users").then().statusCode(403);

        database.update("UPDATE users SET email_verified = true WHERE email = ?", email);
        String verified = Accounts.login(email, "laptop").getString("accessToken");
        given().auth().oauth2(verified).when().get("/users/me").then().statusCode(200)
                .body("roles", hasItem("platform-admin"));
        given().auth().oauth2(verified).when().get("/users").then().statusCode(200);
    }

    @Test
    void anUnlistedVerifiedAddressDoesNot() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        database.update("UPDATE users SET email_verified = true WHERE email = ?", email);
        String token = Accounts.login(email, "laptop").getString("accessToken");
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(200)
                .body("roles", not(hasItem("platform-admin")));
    }
}
