package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.common.security.VerifiedTokenCache;
import dev.gatehouse.testing.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * auth-service keeps the access tokens it verified a moment ago, with its own keys; a kept token vouches for itself
 * only: the same token with another account's claims or an altered signature is verified, and refused.
 */
@QuarkusTest
class KeptTokensTest {

    @Inject
    VerifiedTokenCache verified;

    @Test
    void aKeptTokenVouchesForNothingButItself() {
        Accounts.Tokens mine = Accounts.signedIn();
        Accounts.Tokens theirs = Accounts.signedIn();
        for (int i = 0; i < 3; i++) {
            me(mine.accessToken()).then().statusCode(200).body("email", equalTo(mine.email()));
        }
        assertTrue(verified.keeps(mine.accessToken()));

        String theirClaims = TestIssuer.withClaimsOf(mine.accessToken(), theirs.accessToken());
        String alteredSignature = TestIssuer.withSignatureAltered(mine.accessToken());
        me(theirClaims).then().statusCode(401).body("code", equalTo("unauthorized"));
        me(alteredSignature).then().statusCode(401).body("code", equalTo("unauthorized"));
        me(mine.accessToken() + "=x1").then().statusCode(401).body("code", equalTo("unauthorized"));
        assertFalse(verified.keeps(theirClaims));
        assertFalse(verified.keeps(alteredSignature));

        me(mine.accessToken()).then().statusCode(200).body("email", equalTo(mine.email()));
        me(theirs.accessToken()).then().statusCode(200).body("email", equalTo(theirs.email()));
    }

    private static io.restassured.response.Response me(String token) {
        return given().auth().oauth2(token).when().get("/users/me");
    }
}
