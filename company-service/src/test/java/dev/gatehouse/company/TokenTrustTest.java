package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.common.security.VerifiedTokenCache;
import dev.gatehouse.testing.TestIssuer;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** company-service trusts exactly the tokens auth-service signs, and nothing that merely looks like one. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class TokenTrustTest {

    private final TestIssuer issuer = TestIssuer.shared();

    @Inject
    VerifiedTokenCache verified;
    private final UUID user = UUID.randomUUID();

    @Test
    void acceptsATokenSignedWithAPublishedKey() {
        given().auth().oauth2(issuer.userToken(user)).when().get("/companies/mine")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** A token verified a moment ago is kept; anything differing from it in one character is verified again. */
    @Test
    void aKeptTokenVouchesForNothingButItself() {
        String token = issuer.userToken(user);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/companies/mine").then().statusCode(200);
        }
        assertTrue(verified.keeps(token));
        String otherClaims = TestIssuer.withClaimsOf(token, issuer.userToken(UUID.randomUUID()));
        String otherSignature = TestIssuer.withSignatureAltered(token);
        refused(otherClaims);
        refused(otherSignature);
        given().auth().oauth2(token).when().get("/companies/mine").then().statusCode(200);
        assertFalse(verified.keeps(otherClaims), "refused tokens are never kept");
        assertFalse(verified.keeps(otherSignature), "refused tokens are never kept");
        // The JWT library alone would read a token with characters appended as the same token; such a spelling is
        // refused, so variants of one token can neither pass for it nor fill the cache.
        String appended = token + "=x1";
        refused(appended);
        assertFalse(verified.keeps(appended));
    }

    @Test
    void refusesAMissingToken() {
        refused(null);
    }

    @Test
    void refusesAnExpiredToken() {
        refused(issuer.expiredUserToken(user));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        refused(issuer.userTokenSignedByStranger(user));
    }

    @Test
    void refusesAnUnsignedToken() {
        refused(issuer.unsignedUserToken(user));
    }

    @Test
    void refusesAnotherIssuer() {
        refused(issuer.userTokenWithIssuer(user, "https://evil.example"));
    }

    @Test
    void refusesAnotherAudience() {
        refused(issuer.userTokenWithAudience(user, "someone-else"));
    }

    @Test
    void refusesGarbage() {
        refused("a.b.c");
    }

    private static void refused(String token) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.when().get("/companies/mine")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthorized"))
                .body("status", equalTo(401));
    }
}
