package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.gatehouse.testing.HibernateStatements;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a JWT-protected company read costs PostgreSQL: every statement Hibernate sends is in its SQL log, captured
 * here. Reading a company and listing one's own companies must be one statement each, however many companies.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class ReadRoundTripsTest {

    // The housekeeping job may run meanwhile; what it deletes is not the request's.
    @RegisterExtension
    final HibernateStatements sql = new HibernateStatements(statement -> !statement.startsWith("delete"));

    @Test
    void listingOnesCompaniesIsOneStatementWithTheRoleOfEach() {
        UUID person = UUID.randomUUID();
        String owned = Companies.create(person);
        String joinedLater = Companies.createActive(UUID.randomUUID());
        Companies.addMember(joinedLater, person, "STAFF");
        Companies.createActive(UUID.randomUUID());
        sql.clear();

        given().auth().oauth2(Companies.ISSUER.userToken(person)).when().get("/companies/mine")
                .then().statusCode(200)
                .body("companyId", contains(owned, joinedLater))
                .body("role", contains("OWNER", "STAFF"));

        assertEquals(1, sql.statements().size(), sql.statements()::toString);
    }

    @Test
    void readingACompanyIsOneStatement() {
        UUID owner = UUID.randomUUID();
        String companyId = Companies.create(owner);
        sql.clear();

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/" + companyId)
                .then().statusCode(200);

        assertEquals(1, sql.statements().size(), sql.statements()::toString);
    }
}
