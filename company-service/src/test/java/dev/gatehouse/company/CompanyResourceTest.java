package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class CompanyResourceTest {

    @Test
    void registersACompanyPendingVerificationWithItsCreatorAsOwner() {
        UUID owner = UUID.randomUUID();
        String token = Companies.ISSUER.userToken(owner);

        String companyId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "  Acme Kenya  ", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(201)
                .body("companyId", matchesPattern("^KE-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"))
                .body("name", equalTo("Acme Kenya"))
                .body("countryCode", equalTo("KE"))
                .body("phoneNumber", equalTo("+254712345678"))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("createdAt", notNullValue())
                .extract().path("companyId");

        given().auth().oauth2(token).when().get("/companies/" + companyId)
                .then().statusCode(200)
                .body("companyId", equalTo(companyId))
                .body("status", equalTo("PENDING_VERIFICATION"));

        given().auth().oauth2(token).when().get("/companies/mine")
                .then().statusCode(200)
                .body("find { it.companyId == '" + companyId + "' }.role", equalTo("OWNER"));

        given().auth().oauth2(token).when().get("/companies/" + companyId + "/members")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].userId", equalTo(owner.toString()))
                .body("[0].role", equalTo("OWNER"))
                .body("[0].joinedAt", notNullValue());
    }

    @Test
    void theLocationHeaderNamesThePublicId() {
        String location = given().auth().oauth2(Companies.ISSUER.userToken(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Globex", "countryCode", "DE", "phoneNumber", "+4930123456"))
                .when().post("/companies")
                .then().statusCode(201).extract().header("Location");
        org.hamcrest.MatcherAssert.assertThat(location, matchesPattern(".*/companies/DE-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
    }

    @Test
    void rejectsBadFieldsAndWritesNothing() {
        UUID owner = UUID.randomUUID();
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "countryCode", "XX", "phoneNumber", "0712345678"))
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("name", "countryCode", "phoneNumber"));

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Lowercase Ltd", "countryCode", "ke", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("countryCode"));

        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/mine")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void unknownCompanyIsNotFound() {
        given().auth().oauth2(Companies.ISSUER.userToken(UUID.randomUUID())).when().get("/companies/KE-0000-0000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("company_not_found"));
    }

    @Test
    void onlyMembersSeeTheMemberList() {
        String companyId = Companies.create(UUID.randomUUID());
        given().auth().oauth2(Companies.ISSUER.userToken(UUID.randomUUID()))
                .when().get("/companies/" + companyId + "/members")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("not_a_member"));
    }

    @Test
    void aServiceCannotRegisterACompany() {
        given().auth().oauth2(Companies.ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON)
                .body(Map.of("name", "Robots Inc", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(403).body("code", equalTo("user_token_required"));
    }
}
