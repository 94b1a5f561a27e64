package dev.gatehouse.auth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A receiver of the {@code user-deleted} event at the wire, standing in for company-service, that answers, hangs or
 * fails as a test says; approval-service's address is a port nothing listens on, so its connections are refused.
 */
public class DeletedUsersPeer implements QuarkusTestResourceLifecycleManager {

    enum Mode {
        ACKNOWLEDGE,
        HANG,
        FAIL
    }

    static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.ACKNOWLEDGE);
    /** Every request that reached the peer: method, path and whether it carried a bearer token. */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(DeletedUsersPeer::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of("quarkus.rest-client.company-service.url", "http://127.0.0.1:" + server.actualPort(),
                "quarkus.rest-client.approval-service.url", "http://127.0.0.1:" + closedPort());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static void handle(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        REQUESTS.add(request.method() + " " + request.path() + (authorization != null
                && authorization.startsWith("Bearer ") ? " bearer" : " anonymous"));
        switch (MODE.get()) {
            case ACKNOWLEDGE -> request.response().setStatusCode(204).end();
            case FAIL -> request.response().setStatusCode(500).putHeader("Content-Type", "text/plain")
                    .end("Internal Server Error");
            case HANG -> {
                // No answer: the caller's timeout has to end the wait.
            }
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
