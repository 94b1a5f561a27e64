package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /internal/import/companies and /members: idempotent by the source row, never overwriting. */
@QuarkusTest
class ImportCompaniesTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Test
    void aCompanyIsImportedOnceWithItsPublicIdStatusAndOwner() {
        UUID owner = UUID.randomUUID();
        String publicId = "KE-IMP-" + (System.nanoTime() % 1_000_000);
        Map<String, Object> row = company("c-" + System.nanoTime(), publicId, owner);

        String id = post("/internal/import/companies", row).then().statusCode(201)
                .body("outcome", equalTo("imported")).extract().path("gatehouseId");
        post("/internal/import/companies", row).then().statusCode(200).body("outcome", equalTo("already_imported"))
                .body("gatehouseId", equalTo(id));

        given().auth().oauth2(ISSUER.userToken(owner)).when().get("/companies/" + publicId)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("name", equalTo("Ñandú Café Ltd"))
                .body("countryCode", equalTo("KE"));
    }

    @Test
    void aTakenPublicIdIsRefusedAndAMissingOneIsMadeUp() {
        UUID owner = UUID.randomUUID();
        String existing = Companies.create(owner);
        post("/internal/import/companies", company("taken-" + System.nanoTime(), existing, UUID.randomUUID()))
                .then().statusCode(409).body("code", equalTo("company_id_taken"));
        given().auth().oauth2(ISSUER.userToken(owner)).when().get("/companies/" + existing)
                .then().statusCode(200).body("name", equalTo("Acme Kenya"));

        post("/internal/import/companies", company("no-id-" + System.nanoTime(), null, UUID.randomUUID()))
                .then().statusCode(201);
    }

    @Test
    void rowsGatehouseCannotHoldAreRefusedWithTheFieldAtFault() {
        Map<String, Object> row = company("bad-" + System.nanoTime(), null, UUID.randomUUID());
        row.put("phoneNumber", "0712-345-678");
        row.put("countryCode", "Kenya");
        post("/internal/import/companies", row).then().statusCode(400)
                .body("errors.field", hasItem("phoneNumber")).body("errors.field", hasItem("countryCode"));
    }

    @Test
    void membersAreImportedOnceAndAnExistingMembershipIsLeftAlone() {
        UUID owner = UUID.randomUUID();
        String id = post("/internal/import/companies", company("m-" + System.nanoTime(), null, owner))
                .then().statusCode(201).extract().path("gatehouseId");
        UUID staff = UUID.randomUUID();
        Map<String, Object> member = member("mem-" + System.nanoTime(), id, staff, "STAFF");

        post("/internal/import/members", member).then().statusCode(201);
        post("/internal/import/members", member).then().statusCode(200).body("outcome", equalTo("already_imported"));
        post("/internal/import/members", member("mem-owner-" + System.nanoTime(), id, owner, "ADMIN"))
                .then().statusCode(409).body("code", equalTo("already_member"));
        post("/internal/import/members", member("mem-x-" + System.nanoTime(), UUID.randomUUID().toString(), staff,
                "STAFF")).then().statusCode(404).body("code", equalTo("company_not_found"));
    }

    @Test
    void onlyTheImporterMayImport() {
        Map<String, Object> row = company("auth-" + System.nanoTime(), null, UUID.randomUUID());
        given().auth().oauth2(ISSUER.serviceToken("approval-service")).contentType(ContentType.JSON).body(row)
                .when().post("/internal/import/companies").then().statusCode(403);
        given().auth().oauth2(ISSUER.userToken(UUID.randomUUID())).contentType(ContentType.JSON).body(row)
                .when().post("/internal/import/companies").then().statusCode(403);
    }

    @Test
    void theSameCompanySentManyTimesAtOnceIsImportedOnce() throws Exception {
        Map<String, Object> row = company("race-" + System.nanoTime(), null, UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> post("/internal/import/companies", row).statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> future : futures) {
                codes.add(future.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertEquals(7, codes.stream().filter(c -> c == 200).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response post(String path, Map<String, Object> body) {
        return given().auth().oauth2(ISSUER.importerToken()).contentType(ContentType.JSON).body(body)
                .when().post(path);
    }

    private static Map<String, Object> company(String sourceId, String publicId, UUID owner) {
        Map<String, Object> row = new HashMap<>();
        row.put("sourceSystem", "enxero");
        row.put("sourceTable", "companies");
        row.put("sourceId", sourceId);
        row.put("companyId", publicId);
        row.put("name", "Ñandú Café Ltd");
        row.put("countryCode", "KE");
        row.put("phoneNumber", "+254712345678");
        row.put("status", "ACTIVE");
        row.put("owner", owner.toString());
        return row;
    }

    private static Map<String, Object> member(String sourceId, String companyId, UUID user, String role) {
        return Map.of("sourceSystem", "enxero", "sourceTable", "users", "sourceId", sourceId, "companyId", companyId,
                "userId", user.toString(), "role", role);
    }
}
