package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What a JWT-protected company read costs PostgreSQL, as common's {@code Database} counts it: every statement, and
 * every transaction (which adds a BEGIN and a COMMIT). Reading a company and listing one's own companies must be one
 * statement each, however many companies, with no transaction around it.
 */
@QuarkusTest
@TestProfile(ReadRoundTripsTest.NoBackgroundJobs.class)
@QuarkusTestResource(TrustAuthService.class)
class ReadRoundTripsTest {

    /** Without the housekeeping job, every statement counted is the request's. */
    public static class NoBackgroundJobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.company.housekeeping.every", "off");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void listingOnesCompaniesIsOneStatementWithTheRoleOfEach() {
        UUID person = UUID.randomUUID();
        String owned = Companies.create(person);
        String joinedLater = Companies.createActive(UUID.randomUUID());
        Companies.addMember(joinedLater, person, "STAFF");
        Companies.createActive(UUID.randomUUID());
        double statements = count("gatehouse.db.statements");
        double transactions = count("gatehouse.db.transactions");

        given().auth().oauth2(Companies.ISSUER.userToken(person)).when().get("/companies/mine")
                .then().statusCode(200)
                .body("companyId", contains(owned, joinedLater))
                .body("role", contains("OWNER", "STAFF"));

        assertEquals(1.0, count("gatehouse.db.statements") - statements);
        assertEquals(0.0, count("gatehouse.db.transactions") - transactions);
    }

    @Test
    void readingACompanyIsOneStatement() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.create(owner);
        double statements = count("gatehouse.db.statements");
        double transactions = count("gatehouse.db.transactions");

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId)
                .then().statusCode(200);

        assertEquals(1.0, count("gatehouse.db.statements") - statements);
        assertEquals(0.0, count("gatehouse.db.transactions") - transactions);
    }

    private double count(String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
