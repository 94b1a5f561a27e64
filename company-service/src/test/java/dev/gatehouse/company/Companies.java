package dev.gatehouse.company;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import dev.gatehouse.testing.TestIssuer;
import io.restassured.http.ContentType;

/** Test helper: companies made through the API. */
final class Companies {

    static final TestIssuer ISSUER = TestIssuer.shared();

    private Companies() {
    }

    static String create(UUID owner) {
        return given().auth().oauth2(ISSUER.userToken(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Kenya", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies")
                .then().statusCode(201).extract().path("companyId");
    }

    /** A company an operator has activated, so it takes members. */
    static String createActive(UUID owner) {
        String companyId = create(owner);
        given().auth().oauth2(ISSUER.adminToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE", "reason", "verified by an operator in a test"))
                .when().put("/companies/" + companyId + "/status")
                .then().statusCode(200);
        return companyId;
    }

    static void addMember(String companyId, UUID user, String role) {
        given().auth().oauth2(ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", user.toString(), "role", role))
                .when().post("/internal/companies/" + companyId + "/members")
                .then().statusCode(200);
    }

    /** auth-service's {@code user-deleted} event, as its relay delivers it. */
    static void userDeleted(UUID user) {
        given().auth().oauth2(ISSUER.serviceToken("auth-service"))
                .when().put("/internal/deleted-users/" + user)
                .then().statusCode(204);
    }
}
