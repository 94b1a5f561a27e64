package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /internal/import/staff-approval-requests: idempotent by the source row, keeping each request's story. */
@QuarkusTest
class ImportApprovalRequestsTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Inject
    Database database;

    @Test
    void aDecidedRequestIsImportedOnceAsItWas() {
        UUID user = UUID.randomUUID();
        Map<String, Object> row = request("r-" + System.nanoTime(), user, "APPROVED");
        row.put("grantedRole", "ADMIN");
        row.put("reviewerId", UUID.randomUUID().toString());
        row.put("reviewedAt", OffsetDateTime.now().minusDays(3).toString());
        row.put("message", "Habari, nataka kujiunga — ñ");

        String id = post(row).then().statusCode(201).body("outcome", equalTo("imported")).extract().path("gatehouseId");
        post(row).then().statusCode(200).body("outcome", equalTo("already_imported")).body("gatehouseId", equalTo(id));

        assertEquals("APPROVED", database.storedStatus(id));
        given().auth().oauth2(ISSUER.userToken(user)).when().get("/approvals/" + id)
                .then().statusCode(200).body("grantedRole", equalTo("ADMIN"));
    }

    @Test
    void aSecondPendingRequestOfOnePersonIsRefused() {
        UUID user = UUID.randomUUID();
        post(request("p1-" + System.nanoTime(), user, "PENDING")).then().statusCode(201);
        post(request("p2-" + System.nanoTime(), user, "PENDING")).then().statusCode(409)
                .body("code", equalTo("request_pending"));
    }

    @Test
    void rowsThatBreakTheRulesAreRefusedWithAReason() {
        post(request("x1-" + System.nanoTime(), UUID.randomUUID(), "APPROVED")).then().statusCode(400)
                .body("code", equalTo("inconsistent_request"));
        Map<String, Object> owner = request("x2-" + System.nanoTime(), UUID.randomUUID(), "PENDING");
        owner.put("requestedRole", "OWNER");
        post(owner).then().statusCode(400).body("errors.field", hasItem("requestedRole"));
    }

    @Test
    void onlyTheImporterMayImport() {
        given().auth().oauth2(ISSUER.serviceToken("auth-service")).contentType(ContentType.JSON)
                .body(request("a-" + System.nanoTime(), UUID.randomUUID(), "PENDING"))
                .when().post("/internal/import/staff-approval-requests").then().statusCode(403);
    }

    @Test
    void theSameRowSentManyTimesAtOnceIsImportedOnce() throws Exception {
        Map<String, Object> row = request("race-" + System.nanoTime(), UUID.randomUUID(), "CANCELLED");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> post(row).statusCode()));
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

    private static Response post(Map<String, Object> row) {
        return given().auth().oauth2(ISSUER.importerToken()).contentType(ContentType.JSON).body(row)
                .when().post("/internal/import/staff-approval-requests");
    }

    private static Map<String, Object> request(String sourceId, UUID user, String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("sourceSystem", "flask");
        row.put("sourceTable", "staff_approval_requests");
        row.put("sourceId", sourceId);
        row.put("companyId", "KE-LEGACY-42");
        row.put("userId", user.toString());
        row.put("requestedRole", "STAFF");
        row.put("status", status);
        row.put("expiresAt", OffsetDateTime.now().plusDays(7).toString());
        return row;
    }
}
