package dev.gatehouse.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.HangUps.Request;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Owners whose client hangs up while they approve must not take the service down. */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class ClientHangUpTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Inject
    DataSource database;

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
    }

    @Test
    void approvalsThatHangUpLeaveTheServiceServing() throws Exception {
        UUID owner = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        List<String> requests = pendingRequests(companyId, 60);
        String ownerToken = "Bearer " + Approvals.token(owner);

        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            // Approvals wait on the lock inside their transaction, so every hang-up lands in the middle of one.
            try (AutoCloseable lock = HangUps.lockTables(database, "staff_approval_requests")) {
                HangUps.send(RestAssured.port, requests.size(), 20, Duration.ofMillis(50), Duration.ofMillis(150),
                        i -> Request.postJson("/approvals/" + requests.get(i) + "/approve", "{}",
                                Map.of("Authorization", ownerToken)));
            }
            HangUps.assertNoTransactionLeftOpen(database, Duration.ofSeconds(20));
            errors.assertNone();
        }
        List<String> more = pendingRequests(companyId, 40);
        HangUps.assertStillServes(more.size(), 20, 200,
                i -> Approvals.approve(owner, more.get(i)).extract().statusCode());
    }

    private static List<String> pendingRequests(String companyId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Approvals.pending(UUID.randomUUID(), companyId));
        }
        return ids;
    }
}
