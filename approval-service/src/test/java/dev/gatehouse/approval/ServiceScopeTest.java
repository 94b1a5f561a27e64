package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Removing a user's requests needs {@code user-data:delete}, which only auth-service holds: company-service's and
 * approval-service's own tokens, a token narrowed to other scopes and people's tokens are all refused, and nothing is
 * removed.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class ServiceScopeTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Test
    void onlyUserDataDeleteRemovesRequests() {
        UUID requester = UUID.randomUUID();
        String companyId = companies.activeCompany(UUID.randomUUID());
        Approvals.pending(requester, companyId);

        for (String token : new String[] { Approvals.ISSUER.serviceToken("company-service"),
                Approvals.ISSUER.serviceToken("approval-service"),
                Approvals.ISSUER.serviceToken("auth-service", Set.of("otp:send", "messages:send")),
                Approvals.ISSUER.userToken(requester), Approvals.ISSUER.adminToken(UUID.randomUUID()),
                Approvals.ISSUER.userTokenClaimingScopes(requester),
                Approvals.ISSUER.serviceTokenWithUserAudience("auth-service") }) {
            given().auth().oauth2(token).when().put("/internal/deleted-users/" + requester)
                    .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
        given().when().put("/internal/deleted-users/" + requester).then().statusCode(401);
        given().auth().oauth2(Approvals.token(requester)).when().get("/approvals/mine").then().body("$", hasSize(1));

        given().auth().oauth2(Approvals.ISSUER.serviceToken("auth-service", Set.of("user-data:delete")))
                .when().put("/internal/deleted-users/" + requester)
                .then().statusCode(204);
    }
}
