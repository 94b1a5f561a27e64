package dev.gatehouse.company;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.HangUps.Request;
import dev.gatehouse.testing.TrustAuthService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Clients that hang up while their company is being created must not take the service down. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class ClientHangUpTest {

    private static final String COMPANY = "{\"name\":\"Acme Kenya\",\"countryCode\":\"KE\","
            + "\"phoneNumber\":\"+254712345678\"}";

    @Inject
    AgroalDataSource database;

    @Test
    void companyCreationsThatHangUpLeaveTheServiceServing() throws Exception {
        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            // Creations wait on the lock inside their transaction, so every hang-up lands in the middle of one.
            try (AutoCloseable lock = HangUps.lockTables(database, "companies", "company_members")) {
                HangUps.send(RestAssured.port, 60, 20, Duration.ofMillis(50), Duration.ofMillis(150),
                        i -> Request.postJson("/companies", COMPANY,
                                Map.of("Authorization", "Bearer " + Companies.ISSUER.userToken(UUID.randomUUID()))));
            }
            HangUps.send(RestAssured.port, 60, 20, Duration.ofMillis(2), Duration.ofMillis(60),
                    i -> Request.postJson("/companies", COMPANY,
                            Map.of("Authorization", "Bearer " + Companies.ISSUER.userToken(UUID.randomUUID()))));
            HangUps.assertNoTransactionLeftOpen(database, Duration.ofSeconds(20));
            errors.assertNone();
        }
        HangUps.assertStillServes(60, 30, 201, i -> given()
                .auth().oauth2(Companies.ISSUER.userToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(COMPANY).when().post("/companies").then().extract().statusCode());
    }
}
