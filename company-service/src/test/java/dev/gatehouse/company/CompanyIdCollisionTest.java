package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.company.service.CompanyIdGenerator;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A public id that is already taken is not an error for the caller: creation retries with a fresh one. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class CompanyIdCollisionTest {

    private static final String TAKEN = "KE-TAKE-N000";

    @BeforeEach
    void firstDrawCollides() {
        AtomicInteger draws = new AtomicInteger();
        CompanyIdGenerator real = new CompanyIdGenerator();
        QuarkusMock.installMockForType(new CompanyIdGenerator() {
            @Override
            public String next(String countryCode) {
                return draws.getAndIncrement() == 0 ? TAKEN : real.next(countryCode);
            }
        }, CompanyIdGenerator.class);
    }

    @Test
    void retriesWithAFreshIdWhenTheDrawnOneIsTaken() {
        String first = create();
        assertEquals(TAKEN, first);
        // The mock starts over: its first draw is the taken id again.
        firstDrawCollides();
        String second = create();
        assertNotEquals(TAKEN, second);
    }

    private static String create() {
        return given().auth().oauth2(Companies.ISSUER.userToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("name", "Collision Ltd", "countryCode", "KE", "phoneNumber", "+254700000001"))
                .when().post("/companies")
                .then().statusCode(201).extract().path("companyId");
    }
}
