package dev.gatehouse.approval;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A join request carries the requester's verified email address and phone number, read from auth-service when the
 * request is made, so its reviewers see whom they let in. Only verified values are there; when auth-service cannot
 * answer the request is refused with 503 and nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class RequesterContactTest {

    private final CompanyServiceStub stub = CompanyServiceStub.get();

    @Inject
    Database database;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void backToNormal() {
        stub.reset();
        breakers.resetAll();
    }

    @Test
    void ownersAndAdminsSeeTheRequestersVerifiedContact() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.member(companyId, admin, "ADMIN");
        stub.contact(person, new CompanyServiceStub.Contact("wanjiru@example.co.ke", "+254712000111"));

        String id = Approvals.ask(person, companyId).statusCode(201)
                .body("requesterEmail", equalTo("wanjiru@example.co.ke"))
                .body("requesterPhone", equalTo("+254712000111"))
                .extract().path("id");

        Approvals.list(owner, companyId).statusCode(200)
                .body("items.find { it.id == '" + id + "' }.requesterEmail", equalTo("wanjiru@example.co.ke"))
                .body("items.find { it.id == '" + id + "' }.requesterPhone", equalTo("+254712000111"));
        Approvals.read(admin, id).statusCode(200).body("requesterPhone", equalTo("+254712000111"));
        Approvals.read(person, id).statusCode(200).body("requesterEmail", equalTo("wanjiru@example.co.ke"));
        Approvals.read(UUID.randomUUID(), id).statusCode(404).body(not(containsString("wanjiru")));
    }

    @Test
    void whatTheRequesterHasNotVerifiedIsNotShown() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.contact(person, new CompanyServiceStub.Contact("only-email@example.com", null));

        String id = Approvals.pending(person, companyId);
        Approvals.read(owner, id).statusCode(200)
                .body("requesterEmail", equalTo("only-email@example.com"))
                .body("requesterPhone", nullValue());
    }

    @Test
    void failingAuthServiceMeans503AndNoRequest() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.contactMode(CompanyServiceStub.Mode.FAILING);
        int before = stub.contactCalls();

        Approvals.ask(person, companyId).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("code", equalTo("auth_service_unavailable"))
                .body("detail", not(containsString("Exception")));
        // The first try and two retries.
        assertEquals(3, stub.contactCalls() - before);
        assertEquals(0, database.requestsOf(person));

        stub.reset();
        Approvals.ask(person, companyId).statusCode(201);
        assertEquals(1, database.requestsOf(person));
    }

    @Test
    void aStalledAuthServiceTimesOutInto503() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.contactMode(CompanyServiceStub.Mode.STALLED);

        Approvals.ask(person, companyId).statusCode(503).header("Retry-After", equalTo("5"))
                .body("code", equalTo("auth_service_unavailable"));
        assertEquals(0, database.requestsOf(person));
    }

    @Test
    void anOpenBreakerAnswers503WithoutCallingAuthService() {
        UUID owner = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.contactMode(CompanyServiceStub.Mode.FAILING);
        for (int i = 0; i < 4; i++) {
            Approvals.ask(UUID.randomUUID(), companyId).statusCode(503);
        }
        int before = stub.contactCalls();
        Approvals.ask(UUID.randomUUID(), companyId).statusCode(503).header("Retry-After", equalTo("5"))
                .body("code", equalTo("auth_service_unavailable"));
        assertEquals(before, stub.contactCalls());
    }

    @Test
    void anAccountAuthServiceNoLongerKnowsCannotAsk() {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = stub.activeCompany(owner);
        stub.contact(person, null);

        Approvals.ask(person, companyId).statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("account_deleted"));
        assertEquals(0, database.requestsOf(person));
    }
}
