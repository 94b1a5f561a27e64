package dev.gatehouse.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.client.RemoteUserData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The {@code user-deleted} deliveries when the receiver hangs, fails or refuses: each call ends at its timeout or at
 * once with a failure the outbox relay reschedules, is sent exactly once (the relay, not the client, retries), and a
 * receiver that keeps failing opens its breaker, which answers without a connection until a trial call succeeds.
 */
@QuarkusTest
@WithTestResource(DeletedUsersPeer.class)
class RemoteUserDataFaultsTest {

    /** Far above the test profile's 1.5 s timeout: reaching it means the call hung. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Inject
    RemoteUserData remote;
    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void receiverWorks() {
        DeletedUsersPeer.MODE.set(DeletedUsersPeer.Mode.ACKNOWLEDGE);
        breakers.resetAll();
    }

    @Test
    void anAcknowledgedEventCarriesTheServiceTokenToTheContractsPath() {
        UUID userId = UUID.randomUUID();
        remote.userDeleted(RemoteUserData.COMPANY_SERVICE, userId).await().atMost(HANG);
        assertTrue(DeletedUsersPeer.REQUESTS.contains("PUT /internal/deleted-users/" + userId + " bearer"),
                DeletedUsersPeer.REQUESTS.toString());
    }

    @Test
    void aHangingReceiverEndsAtTheTimeoutAndIsAskedOnce() {
        DeletedUsersPeer.MODE.set(DeletedUsersPeer.Mode.HANG);
        UUID userId = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> remote.userDeleted(RemoteUserData.COMPANY_SERVICE, userId).await().atMost(HANG));
        assertTrue(causedBy(failure, TimeoutException.class), failure.toString());
        assertEquals(1, requestsFor(userId));
    }

    @Test
    void aFailingReceiverIsAFailureAndIsNotRetriedHere() {
        DeletedUsersPeer.MODE.set(DeletedUsersPeer.Mode.FAIL);
        UUID userId = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> remote.userDeleted(RemoteUserData.COMPANY_SERVICE, userId).await().atMost(HANG));
        assertTrue(failure.getMessage().contains("company-service answered 500"), failure.getMessage());
        assertEquals(1, requestsFor(userId));
    }

    @Test
    void aRefusedConnectionIsAFailure() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> remote
                .userDeleted(RemoteUserData.APPROVAL_SERVICE, UUID.randomUUID()).await().atMost(HANG));
        assertTrue(causedBy(failure, ConnectException.class), failure.toString());
    }

    @Test
    void theBreakerOpensOnARepeatedlyFailingReceiverAndClosesWhenItAnswersAgain() throws InterruptedException {
        DeletedUsersPeer.MODE.set(DeletedUsersPeer.Mode.FAIL);
        for (int i = 0; i < 4; i++) {
            UUID userId = UUID.randomUUID();
            assertThrows(RuntimeException.class,
                    () -> remote.userDeleted(RemoteUserData.COMPANY_SERVICE, userId).await().atMost(HANG));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(RemoteUserData.COMPANY_BREAKER));

        UUID whileOpen = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> remote.userDeleted(RemoteUserData.COMPANY_SERVICE, whileOpen).await().atMost(HANG));
        assertTrue(causedBy(failure, CircuitBreakerOpenException.class), failure.toString());
        assertEquals(0, requestsFor(whileOpen), "an open breaker still called the receiver");
        // The other receiver has a breaker of its own.
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(RemoteUserData.APPROVAL_BREAKER));

        DeletedUsersPeer.MODE.set(DeletedUsersPeer.Mode.ACKNOWLEDGE);
        UUID afterwards = UUID.randomUUID();
        long deadline = System.nanoTime() + HANG.toNanos();
        while (true) {
            try {
                remote.userDeleted(RemoteUserData.COMPANY_SERVICE, afterwards).await().atMost(HANG);
                break;
            } catch (RuntimeException stillOpen) {
                assertTrue(causedBy(stillOpen, CircuitBreakerOpenException.class), stillOpen.toString());
                assertTrue(System.nanoTime() < deadline, "the breaker never let a trial call through");
                Thread.sleep(100);
            }
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(RemoteUserData.COMPANY_BREAKER));
        assertEquals(1, requestsFor(afterwards));
    }

    private static long requestsFor(UUID userId) {
        List<String> requests = DeletedUsersPeer.REQUESTS;
        return requests.stream().filter(request -> request.contains(userId.toString())).count();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
