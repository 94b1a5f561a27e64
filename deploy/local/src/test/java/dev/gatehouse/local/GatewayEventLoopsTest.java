package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** The gateway serving one port from several event loops, each relaying over its own backend connections. */
class GatewayEventLoopsTest {

    private static final int EVENT_LOOPS = 3;

    private Vertx vertx;
    private HttpServer backend;
    /** The gateway-side ports of the connections the backend saw: one client per event loop opens its own. */
    private final Set<Integer> backendConnections = ConcurrentHashMap.newKeySet();
    private Map<String, Integer> ports;
    private RouteTable routes;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        backend = vertx.createHttpServer().requestHandler(request -> {
            backendConnections.add(request.remoteAddress().port());
            request.response().end("pong");
        });
        int backendPort = TestServers.await(backend.listen(0, "127.0.0.1")).actualPort();
        routes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
        ports = new HashMap<>();
        for (String name : routes.backends()) {
            ports.put(name, TestServers.closedPort());
        }
        ports.put("auth-service", backendPort);
    }

    @AfterEach
    void stop() throws Exception {
        TestServers.await(backend.close());
        TestServers.await(vertx.close());
    }

    @Test
    void everyEventLoopServesTheSamePortAndClosingFreesIt() throws Exception {
        Gateway gateway = new Gateway(vertx, routes, ports, new DevInbox(List.of()), EVENT_LOOPS);
        int port = TestServers.await(gateway.listen(0));

        // A new connection each time: the shared port hands them to the instances in turn.
        for (int i = 0; i < EVENT_LOOPS * 4; i++) {
            String answer = getClosingConnection(port, "/users/ping");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.endsWith("pong"), answer);
        }
        assertEquals(EVENT_LOOPS, backendConnections.size(),
                "each event loop relays over its own backend connection: " + backendConnections);

        TestServers.await(gateway.close());
        // The shared listening socket is closed on its own event loop once the last instance let go of it, which can
        // be a moment after the close completed; a port still taken after five seconds is a leak.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Ports.isFree(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Ports.isFree(port), "every instance stopped listening");
    }

    @Test
    void needsAtLeastOneEventLoop() {
        assertThrows(IllegalArgumentException.class,
                () -> new Gateway(vertx, routes, ports, new DevInbox(List.of()), 0));
    }

    private static String getClosingConnection(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
