package dev.gatehouse.local;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/** The gateway in front of a small Vert.x backend standing in for auth-service; the others are down. */
class GatewayTest {

    private static Vertx vertx;
    private static HttpServer backend;
    private static Gateway gateway;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        backend = vertx.createHttpServer().requestHandler(GatewayTest::backendAnswer);
        int backendPort = TestServers.await(backend.listen(0, "127.0.0.1")).actualPort();

        RouteTable routes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
        Map<String, Integer> ports = new HashMap<>();
        for (String name : routes.backends()) {
            ports.put(name, TestServers.closedPort());
        }
        ports.put("auth-service", backendPort);
        gateway = new Gateway(vertx, routes, ports, new DevInbox(List.of()));
        gatewayPort = TestServers.await(gateway.listen(0));
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.await(gateway.close());
        TestServers.await(backend.close());
        TestServers.await(vertx.close());
    }

    private static final CountDownLatch SLOW_REQUEST_ARRIVED = new CountDownLatch(1);
    /** Counted down when the gateway closes the connection of the /users/slow request before it was answered. */
    private static final CountDownLatch SLOW_REQUEST_RESET = new CountDownLatch(1);

    /** Echoes what arrived, so the test sees what the gateway forwarded. */
    private static void backendAnswer(HttpServerRequest request) {
        if (request.path().equals("/users/slow")) {
            // Never answers on its own: only the gateway passing on the client's hang-up ends it.
            request.connection().closeHandler(closed -> SLOW_REQUEST_RESET.countDown());
            SLOW_REQUEST_ARRIVED.countDown();
            return;
        }
        request.body().onSuccess(body -> {
            if (request.path().equals("/users/teapot")) {
                request.response().setStatusCode(418).putHeader("X-Brewed", "earl-grey").end("short and stout");
            } else if (request.path().equals("/auth/logout")) {
                request.response().setStatusCode(204).end();
            } else if (request.path().equals("/users/stream")) {
                request.response().setChunked(true);
                for (int i = 0; i < 100; i++) {
                    request.response().write("chunk-" + i + ";");
                }
                request.response().end();
            } else {
                JsonObject echo = new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("host", request.getHeader("Host"))
                        .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                        .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                        .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                        .put("forwardedPort", request.getHeader("X-Forwarded-Port"))
                        .put("authorization", request.getHeader("Authorization"))
                        .put("bodyLength", body.length())
                        .put("bodyStart", body.length() > 0 ? body.getString(0, Math.min(10, body.length())) : "");
                request.response().putHeader("Content-Type", "application/json").end(echo.encode());
            }
        });
    }

    @Test
    void passesMethodPathQueryAndHeadersAndAddsForwardedHeaders() {
        TestServers.request(gatewayPort)
                .header("Authorization", "Bearer abc")
                .urlEncodingEnabled(false)
                .when().get("/users/echo?redirect=%2Fa+b&x=%20")
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/users/echo?redirect=%2Fa+b&x=%20"))
                .body("host", equalTo("127.0.0.1:" + gatewayPort))
                .body("authorization", equalTo("Bearer abc"))
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", equalTo("127.0.0.1:" + gatewayPort))
                .body("forwardedPort", equalTo(String.valueOf(gatewayPort)))
                .body("bodyLength", equalTo(0));
    }

    @Test
    void replacesAClientsOwnForwardedForWithTheAddressItSees() {
        TestServers.request(gatewayPort)
                .header("X-Forwarded-For", "203.0.113.66")
                .when().get("/users/echo")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void streamsALargeRequestBody() {
        String body = "0123456789".repeat(200_000);
        TestServers.request(gatewayPort)
                .contentType("application/octet-stream")
                .header("Expect", "100-continue")
                .body(body.getBytes())
                .when().put("/users/me/avatar")
                .then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("bodyLength", equalTo(body.length()))
                .body("bodyStart", equalTo("0123456789"));
    }

    @Test
    void passesStatusAndResponseHeaders() {
        TestServers.request(gatewayPort)
                .when().post("/users/teapot")
                .then().statusCode(418)
                .header("X-Brewed", "earl-grey")
                .body(equalTo("short and stout"));
        TestServers.request(gatewayPort)
                .when().post("/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void streamsAChunkedResponse() {
        Response response = TestServers.request(gatewayPort).when().get("/users/stream");
        response.then().statusCode(200).body(startsWith("chunk-0;chunk-1;")).body(containsString("chunk-99;"));
    }

    @Test
    void aClientThatHangsUpResetsTheBackendRequest() throws Exception {
        try (Socket client = new Socket("127.0.0.1", gatewayPort)) {
            client.getOutputStream().write(("GET /users/slow HTTP/1.1\r\nHost: 127.0.0.1:" + gatewayPort + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            assertTrue(SLOW_REQUEST_ARRIVED.await(10, TimeUnit.SECONDS), "the request never reached the backend");
            client.setSoLinger(true, 0);
        }
        assertTrue(SLOW_REQUEST_RESET.await(10, TimeUnit.SECONDS),
                "the backend request outlived the client that asked for it");
    }

    @Test
    void answers502WhenTheBackendIsDown() {
        TestServers.request(gatewayPort)
                .when().get("/companies/mine")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("code", equalTo("bad_gateway"))
                .body("detail", containsString("company-service"));
    }

    @Test
    void answers404ForUnroutedPaths() {
        for (String path : List.of("/nowhere", "/otp/123/verify", "/authx")) {
            TestServers.request(gatewayPort)
                    .when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("not_found"));
        }
    }

    /** The token endpoint for services is internal: the gateway answers 404 and auth-service never sees it. */
    @Test
    void doesNotForwardTheServiceTokenEndpoint() {
        TestServers.request(gatewayPort)
                .contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=company-service&client_secret=leaked")
                .when().post("/auth/token")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    @Test
    void refusesRoutesToServicesItDoesNotKnow() throws Exception {
        RouteTable routes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
        assertThrows(IllegalArgumentException.class,
                () -> new Gateway(vertx, routes, Map.of("auth-service", 1), new DevInbox(List.of())));
    }
}
