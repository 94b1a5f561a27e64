package dev.gatehouse.local;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The routes' {@code timeouts}, honoured as an Envoy-based gateway honours them: a backend that has not answered in
 * time gets its request reset and the client a 504 problem+json; a backend that answers in time is untouched.
 */
class GatewayTimeoutTest {

    @TempDir
    static Path routesDirectory;
    private static Vertx vertx;
    private static HttpServer backend;
    private static Gateway gateway;
    private static int gatewayPort;

    private static final CountDownLatch STALLED_ARRIVED = new CountDownLatch(1);
    private static final CountDownLatch STALLED_RESET = new CountDownLatch(1);
    private static final CountDownLatch HALF_ANSWERED_RESET = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(routesDirectory.resolve("httproute-stalling.yaml"), """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: { name: stalling }
                spec:
                  rules:
                    - matches: [ { path: { type: PathPrefix, value: /stalled } } ]
                      timeouts: { request: 10s, backendRequest: 300ms }
                      backendRefs: [ { name: stalling, port: 80 } ]
                    - matches: [ { path: { type: PathPrefix, value: /half } } ]
                      timeouts: { request: 300ms }
                      backendRefs: [ { name: stalling, port: 80 } ]
                    - matches: [ { path: { type: PathPrefix, value: /prompt } } ]
                      timeouts: { request: 10s }
                      backendRefs: [ { name: stalling, port: 80 } ]
                """);
        vertx = Vertx.vertx();
        backend = vertx.createHttpServer().requestHandler(GatewayTimeoutTest::backendAnswer);
        int backendPort = TestServers.await(backend.listen(0, "127.0.0.1")).actualPort();
        gateway = new Gateway(vertx, RouteTable.fromGatewayDirectory(routesDirectory),
                Map.of("stalling", backendPort), new DevInbox(List.of()));
        gatewayPort = TestServers.await(gateway.listen(0));
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.await(gateway.close());
        TestServers.await(backend.close());
        TestServers.await(vertx.close());
    }

    /** Stands in for a service whose database statement never returns. */
    private static void backendAnswer(HttpServerRequest request) {
        switch (request.path().substring(0, request.path().indexOf('/', 1) < 0 ? request.path().length()
                : request.path().indexOf('/', 1))) {
            case "/stalled" -> {
                request.connection().closeHandler(closed -> STALLED_RESET.countDown());
                STALLED_ARRIVED.countDown();
            }
            case "/half" -> {
                request.connection().closeHandler(closed -> HALF_ANSWERED_RESET.countDown());
                request.response().setChunked(true).putHeader("Content-Type", "text/plain").write("begun;");
            }
            default -> request.response().putHeader("Content-Type", "text/plain").end("in time");
        }
    }

    @Test
    void aBackendPastTheRoutesTimeoutIsResetAndTheClientGets504() throws Exception {
        TestServers.request(gatewayPort)
                .when().get("/stalled/statement")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("code", equalTo("gateway_timeout"))
                .body("detail", containsString("stalling"));
        assertTrue(STALLED_ARRIVED.await(10, TimeUnit.SECONDS), "the request never reached the backend");
        assertTrue(STALLED_RESET.await(10, TimeUnit.SECONDS), "the backend request outlived the route's timeout");
    }

    /**
     * A body already relayed in full to the backend (here over HTTP/2 cleartext, as Java's own client asks for it)
     * leaves nothing to read when the timeout fires: the client still gets its 504.
     */
    @Test
    void aRequestWhoseBodyWasRelayedStillGets504() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/stalled/login"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"someone@example.com\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(504, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"gateway_timeout\""), response.body());
        }
    }

    @Test
    void anAnswerThatHasBegunIsCutWhenTheTimeoutFires() throws Exception {
        try (Socket client = new Socket("127.0.0.1", gatewayPort)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /half HTTP/1.1\r\nHost: 127.0.0.1:" + gatewayPort + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            String received = readUntilClosed(client.getInputStream());
            assertTrue(received.startsWith("HTTP/1.1 200"), received);
            // A chunked answer that ends without its last (empty) chunk: the client can tell it is incomplete.
            assertTrue(!received.endsWith("0\r\n\r\n"), "the cut answer looks complete: " + received);
        }
        assertTrue(HALF_ANSWERED_RESET.await(10, TimeUnit.SECONDS), "the backend request outlived the timeout");
    }

    @Test
    void anAnswerInTimePassesUntouched() {
        for (int i = 0; i < 20; i++) {
            TestServers.request(gatewayPort).when().get("/prompt").then().statusCode(200).body(equalTo("in time"));
        }
    }

    @Test
    void aBackendRequestLongerThanTheRequestIsRefused(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("httproute-x.yaml"), """
                kind: HTTPRoute
                metadata: { name: x }
                spec:
                  rules:
                    - timeouts: { request: 1s, backendRequest: 2s }
                      backendRefs: [ { name: x } ]
                """);
        assertThrows(IllegalArgumentException.class, () -> RouteTable.fromGatewayDirectory(directory));
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                text.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("not closed; received: " + text);
        } catch (java.net.SocketException reset) {
            // A reset is how the gateway cuts an answer it cannot finish.
        }
        return text.toString();
    }
}
