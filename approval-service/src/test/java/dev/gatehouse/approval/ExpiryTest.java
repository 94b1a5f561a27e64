package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.approval.service.ExpiryJob;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Pending requests expire after the TTL. Time is moved by setting expires_at into the past; the scheduled job is off
 * in tests and run here on a Vert.x context, as the scheduler runs it.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class ExpiryTest {

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @Inject
    Database database;

    @Inject
    ExpiryJob job;

    @Test
    void anOverdueRequestReadsAsExpiredBeforeTheJobRuns() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String overdue = Approvals.pending(person, companyId);
        String current = Approvals.pending(UUID.randomUUID(), companyId);
        database.overdue(overdue);

        Approvals.read(person, overdue).statusCode(200).body("status", equalTo("EXPIRED"));
        assertEquals("PENDING", database.storedStatus(overdue));
        given().auth().oauth2(Approvals.token(owner)).queryParam("companyId", companyId)
                .queryParam("status", "PENDING").when().get("/approvals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(current));
        given().auth().oauth2(Approvals.token(owner)).queryParam("companyId", companyId)
                .queryParam("status", "EXPIRED").when().get("/approvals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(overdue))
                .body("items[0].status", equalTo("EXPIRED"));
    }

    @Test
    void anOverdueRequestCannotBeApprovedAndIsMarkedExpired() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String id = Approvals.pending(person, companyId);
        database.overdue(id);

        Approvals.approve(owner, id).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("request_expired"));
        assertEquals("EXPIRED", database.storedStatus(id));
        assertTrue(companies.addMemberCalls(companyId).isEmpty());
        Approvals.reject(owner, id, "late").statusCode(409).body("code", equalTo("request_expired"));
        Approvals.cancel(person, id).statusCode(409).body("code", equalTo("request_expired"));
    }

    @Test
    void theJobMarksEveryOverdueRequestExpiredAndLeavesTheOthers() throws Throwable {
        String companyId = companies.activeCompany(UUID.randomUUID());
        String first = Approvals.pending(UUID.randomUUID(), companyId);
        String second = Approvals.pending(UUID.randomUUID(), companyId);
        String current = Approvals.pending(UUID.randomUUID(), companyId);
        database.overdue(first);
        database.overdue(second);

        VertxContextSupport.subscribeAndAwait(job::run);

        assertEquals("EXPIRED", database.storedStatus(first));
        assertEquals("EXPIRED", database.storedStatus(second));
        assertEquals("PENDING", database.storedStatus(current));
    }

    @Test
    void anOverdueRequestDoesNotBlockANewOne() {
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(UUID.randomUUID());
        String old = Approvals.pending(person, companyId);
        database.overdue(old);

        Approvals.ask(person, companyId).statusCode(201).body("status", equalTo("PENDING"));
        assertEquals("EXPIRED", database.storedStatus(old));
    }
}
