package dev.gatehouse.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Future;

/** Small helpers for tests that start servers on the loopback interface. */
final class TestServers {

    private TestServers() {
    }

    /** A port nothing listens on, for "the backend is down". */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** A request to 127.0.0.1, never "localhost", which may resolve to ::1 where nothing listens. */
    static RequestSpecification request(int port) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
