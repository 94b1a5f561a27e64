package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With OpenTelemetry on (as in production), a request's W3C trace reaches company-service: every call approval-service
 * makes while approving carries a {@code traceparent} with the incoming request's trace id, and the JSON log line the
 * approval writes carries that trace id in its MDC.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.TracingOn.class)
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(CompanyServiceStub.class)
class TracePropagationTest {

    static final Path LOG = Path.of("target", "trace-propagation.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tracing and JSON logs as in production, the log to a file the test reads; spans are never exported. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    // No collector in tests: spans wait in the batch processor far longer than the test runs.
                    "quarkus.otel.bsp.schedule.delay", "PT1H",
                    "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:1",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    private final CompanyServiceStub companies = CompanyServiceStub.get();

    @AfterEach
    void companyServiceBackToNormal() {
        companies.reset();
    }

    @Test
    void anApprovalsCallsToCompanyServiceCarryTheIncomingTraceAndSoDoesItsLogLine() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String companyId = companies.activeCompany(owner);
        String requestId = Approvals.pending(person, companyId);
        String traceId = randomHex(16);
        String incomingSpan = randomHex(8);
        companies.clearTraceparents();

        given().auth().oauth2(Approvals.token(owner)).header("traceparent", "00-" + traceId + "-" + incomingSpan + "-01")
                .when().post("/approvals/{id}/approve", requestId)
                .then().statusCode(200);

        List<CompanyServiceStub.Traced> calls = companies.traceparents();
        assertTrue(calls.stream().anyMatch(call -> call.path().endsWith("/members")),
                "no add-member call was traced: " + calls);
        for (CompanyServiceStub.Traced call : calls) {
            assertTrue(call.traceparent() != null, "no traceparent on " + call.path());
            String[] parts = call.traceparent().split("-");
            assertEquals(traceId, parts[1], "another trace on " + call.path());
            assertFalse(incomingSpan.equals(parts[2]), "the outgoing call should be a span of its own");
        }

        Optional<JsonNode> line = Optional.empty();
        for (int tries = 0; tries < 100 && line.isEmpty(); tries++) {
            line = logLine("approved request " + requestId);
            if (line.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertTrue(line.isPresent(), "no JSON log line for the approval in " + LOG);
        assertEquals(traceId, line.get().path("mdc").path("traceId").asText(), line.get().toString());
    }

    private static Optional<JsonNode> logLine(String containing) throws IOException {
        if (!Files.exists(LOG)) {
            return Optional.empty();
        }
        for (String text : Files.readAllLines(LOG)) {
            if (text.contains(containing)) {
                return Optional.of(JSON.readTree(text));
            }
        }
        return Optional.empty();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
