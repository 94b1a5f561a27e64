package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.HangUps;
import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Members removed and leaving in parallel, in many companies at once: every removal answers 204. When the service
 * used Hibernate Reactive, removing a loaded entity under concurrency failed now and then with HR000069 (a flush
 * completing on another event loop than the session's) and answered 500.
 */
@QuarkusTest
@QuarkusTestResource(TrustAuthService.class)
class ParallelRemovalTest {

    @Test
    void parallelRemovalsAllSucceed() throws Exception {
        List<Callable<Integer>> removals = new ArrayList<>();
        for (int company = 0; company < 8; company++) {
            UUID owner = UUID.randomUUID();
            String companyId = Companies.createActive(owner);
            for (int member = 0; member < 8; member++) {
                UUID user = UUID.randomUUID();
                Companies.addMember(companyId, user, "STAFF");
                // Half are removed by the owner, half leave on their own.
                UUID caller = member % 2 == 0 ? owner : user;
                removals.add(() -> given().auth().oauth2(Companies.ISSUER.userToken(caller))
                        .when().delete("/companies/" + companyId + "/members/" + user)
                        .then().extract().statusCode());
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try (HangUps.LoggedErrors errors = HangUps.LoggedErrors.capture()) {
            for (Future<Integer> removal : clients.invokeAll(removals)) {
                statuses.add(removal.get());
            }
            errors.assertNone();
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of(), statuses.stream().filter(status -> status != 204).toList(),
                "every removal answers 204");
    }
}
