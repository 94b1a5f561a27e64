package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.RevocationFeedStub;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A token whose session auth-service revoked (logout, a revoked device, logout everywhere, a password reset) or whose
 * person deleted their account is refused here within the documented bound of five seconds, learnt from the
 * revocation feed (polled every two seconds, the default) and not by asking auth-service per request.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(RevocationFeedStub.class)
class RevokedTokenTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void eachWayOfEndingASessionTakesEffectWithinTheBound() {
        for (String reason : List.of("logout", "revoked", "logout_all", "password_reset")) {
            UUID person = UUID.randomUUID();
            UUID ended = UUID.randomUUID();
            String token = Companies.ISSUER.userToken(person, ended);
            String otherDevice = Companies.ISSUER.userToken(person, UUID.randomUUID());
            read(token).statusCode(200);

            RevocationFeedStub.revokeSession(person, ended, reason);

            awaitRefused(token, reason);
            read(otherDevice).statusCode(200);
        }
    }

    @Test
    void aDeletedAccountsTokensAreRefusedWithinTheBound() {
        UUID person = UUID.randomUUID();
        String laptop = Companies.ISSUER.userToken(person, UUID.randomUUID());
        String phone = Companies.ISSUER.userToken(person, UUID.randomUUID());
        read(laptop).statusCode(200);

        RevocationFeedStub.deleteAccount(person);

        awaitRefused(laptop, "account deleted");
        read(phone).statusCode(401);
    }

    @Test
    void whenTheFeedIsDownKnownRevocationsStayAndOtherTokensWork() {
        UUID person = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        String token = Companies.ISSUER.userToken(person, ended);
        RevocationFeedStub.revokeSession(person, ended, "logout");
        awaitRefused(token, "logout");

        RevocationFeedStub.down(true);
        try {
            read(token).statusCode(401);
            read(Companies.ISSUER.userToken(UUID.randomUUID())).statusCode(200);
        } finally {
            RevocationFeedStub.down(false);
        }
    }

    private static void awaitRefused(String token, String what) {
        Instant deadline = Instant.now().plus(BOUND);
        while (read(token).extract().statusCode() == 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": the token still works after " + BOUND);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        read(token).statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
    }

    private static ValidatableResponse read(String token) {
        return given().auth().oauth2(token).when().get("/companies/mine").then();
    }
}
