package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What a JWT-protected company read costs PostgreSQL: the service's pool records every statement and every connection
 * taken from it. Reading a company and listing one's own companies must be one statement each, however many
 * companies, with no transaction around it.
 */
@QuarkusTest
@TestProfile(ReadRoundTripsTest.StatementLog.class)
@QuarkusTestResource(TrustAuthService.class)
class ReadRoundTripsTest {

    public static class StatementLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.selected-alternatives", CountingPool.class.getName());
        }
    }

    @Inject
    CountingPool pool;

    /** What the request sent; the housekeeping job may run meanwhile, and what it deletes is not the request's. */
    private List<String> sent() {
        return pool.uses().stream().filter(use -> !use.toLowerCase(Locale.ROOT).startsWith("delete"))
                .toList();
    }

    @Test
    void listingOnesCompaniesIsOneStatementWithTheRoleOfEach() {
        UUID person = UUID.randomUUID();
        String owned = Companies.create(person);
        String joinedLater = Companies.createActive(UUID.randomUUID());
        Companies.addMember(joinedLater, person, "STAFF");
        Companies.createActive(UUID.randomUUID());
        pool.clear();

        given().auth().oauth2(Companies.ISSUER.userToken(person)).when().get("/companies/mine")
                .then().statusCode(200)
                .body("companyId", contains(owned, joinedLater))
                .body("role", contains("OWNER", "STAFF"));

        List<String> sent = sent();
        assertEquals(1, sent.size(), sent::toString);
    }

    @Test
    void readingACompanyIsOneStatement() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.create(owner);
        pool.clear();

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId)
                .then().statusCode(200);

        List<String> sent = sent();
        assertEquals(1, sent.size(), sent::toString);
    }
}
