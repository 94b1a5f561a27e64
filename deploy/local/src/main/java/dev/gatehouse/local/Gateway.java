package dev.gatehouse.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * The local stand-in for the Kubernetes Gateway: a streaming reverse proxy that routes by the HTTPRoutes, plus the
 * dev inbox and the merged OpenAPI document ({@value OpenApiEndpoint#PATH}). It passes method, path, query, headers and status
 * through untouched (Host included, so services build
 * links with the gateway's address) and adds the X-Forwarded headers (For, Proto, Host, Port) that a cloud load
 * balancer adds.
 * <p>
 * A route's timeout (its HTTPRoute rule's {@code timeouts}) bounds the whole exchange as Envoy's route timeout does:
 * when the backend has not finished answering in time, the backend request is reset and the client gets a 504
 * problem+json ({@code gateway_timeout}), or, when the answer had already begun, a reset connection. A backend that
 * cannot finish its work in time (a paused database, say) so never holds the client longer than the route allows.
 * <p>
 * It serves on one event loop per core: one server instance per event loop, all on the same port (Vert.x hands the
 * accepted connections round-robin to them), each with its own client to the backends so that a proxied request never
 * leaves its event loop. A single event loop would cap cheap requests at what one core can relay.
 */
public final class Gateway {

    /** RFC 9110 §7.6.1: these describe one connection and must not be forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Host travels as the backend request's authority; Expect was already answered by this gateway. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "expect");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Long enough for a slow first request to a cold JVM, short enough that a hung backend shows as an error. */
    private static final int BACKEND_IDLE_TIMEOUT_MILLIS = 60_000;
    /** Distinct per gateway, so two gateways on random ports in one Vert.x never share a port. */
    private static final AtomicInteger SHARED_RANDOM_PORT_KEYS = new AtomicInteger(1);

    private final Vertx vertx;
    private final RouteTable routes;
    private final Map<String, Integer> backendPorts;
    private final DevInboxEndpoint inbox;
    private final OpenApiEndpoint openApi;
    private final int eventLoops;
    private final List<String> deployments = new ArrayList<>();

    /**
     * @param backendPorts the local port of each Service name the routes name
     * @param inbox the dev inbox, served at {@value DevInboxEndpoint#PATH}
     */
    public Gateway(Vertx vertx, RouteTable routes, Map<String, Integer> backendPorts, DevInbox inbox) {
        this(vertx, routes, backendPorts, inbox, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param eventLoops how many event loops serve (at least 1); Vertx must have at least as many for each to get its
     *        own
     */
    public Gateway(Vertx vertx, RouteTable routes, Map<String, Integer> backendPorts, DevInbox inbox,
            int eventLoops) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("The gateway needs at least one event loop, not " + eventLoops);
        }
        Set<String> unknown = new TreeSet<>(routes.backends());
        unknown.removeAll(backendPorts.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The HTTPRoutes name backends the local run does not start: " + unknown);
        }
        this.vertx = vertx;
        this.routes = routes;
        this.backendPorts = Map.copyOf(backendPorts);
        this.inbox = new DevInboxEndpoint(inbox);
        this.openApi = new OpenApiEndpoint(routes, this.backendPorts);
        this.eventLoops = eventLoops;
    }

    /**
     * Port 0 picks a free port; the future carries the port listened on. Every instance asks for the same port, and
     * Vert.x binds it once and shares it. For a random port that takes a negative number of its own: Vert.x shares the
     * random port among the servers that ask for the same negative number, whereas every listen on port 0 would bind a
     * port of its own.
     */
    public Future<Integer> listen(int port) {
        int requested = port == 0 ? -SHARED_RANDOM_PORT_KEYS.getAndIncrement() : port;
        Future<Integer> listening = deploy(requested);
        for (int i = 1; i < eventLoops; i++) {
            listening = listening.compose(actualPort -> deploy(requested).map(actualPort));
        }
        return listening;
    }

    /** Undeploying an instance closes its server and its client. */
    public Future<Void> close() {
        Future<Void> closed = Future.succeededFuture();
        for (String deployment : List.copyOf(deployments)) {
            closed = closed.eventually(ignored -> vertx.undeploy(deployment));
        }
        deployments.clear();
        return closed;
    }

    /** A verticle per instance: each deployment gets its own event-loop context, round-robin over the loops. */
    private Future<Integer> deploy(int port) {
        Instance instance = new Instance(port);
        return vertx.deployVerticle(instance).map(id -> {
            deployments.add(id);
            return instance.actualPort;
        });
    }

    /** One server and its own backend client, both on one event loop. */
    private final class Instance extends AbstractVerticle {
        private final int port;
        private HttpClient client;
        private int actualPort;

        Instance(int port) {
            this.port = port;
        }

        @Override
        public void start(Promise<Void> started) {
            client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                    .setMaxPoolSize(64));
            vertx.createHttpServer(new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    // Answered here, so a client waiting for "100 Continue" does not stall until its own timeout.
                    .setHandle100ContinueAutomatically(true))
                    .requestHandler(request -> handle(client, request))
                    .listen()
                    .onSuccess(server -> actualPort = server.actualPort())
                    .<Void> mapEmpty()
                    .onComplete(started);
        }
    }

    private void handle(HttpClient client, HttpServerRequest request) {
        if (DevInboxEndpoint.PATH.equals(request.path())) {
            inbox.handle(request);
            return;
        }
        if (OpenApiEndpoint.PATH.equals(request.path())) {
            openApi.handle(client, request);
            return;
        }
        routes.match(request.path()).ifPresentOrElse(
                route -> proxy(client, request, route, backendPorts.get(route.backend())),
                () -> Problems.send(request.response(), 404, "not_found", "Not Found",
                        "No route for " + request.path()));
    }

    private void proxy(HttpClient client, HttpServerRequest request, RouteTable.Route route, int port) {
        request.pause();
        String backend = route.backend();
        AtomicReference<HttpClientRequest> underway = new AtomicReference<>();
        route.timeout().ifPresent(timeout -> boundBy(timeout, request, backend, underway));
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setMethod(request.method())
                .setURI(request.uri())
                .setIdleTimeout(BACKEND_IDLE_TIMEOUT_MILLIS);
        client.request(options)
                .compose(backendRequest -> {
                    underway.set(backendRequest);
                    if (request.response().ended() || request.response().closed()) {
                        // The route's timeout (or the client) ended the exchange while this connection was opening.
                        backendRequest.reset();
                        return Future.failedFuture("the exchange ended before the backend was asked");
                    }
                    passOnHangUp(request, backendRequest);
                    copyRequestHeaders(request, backendRequest);
                    return hasBody(request) ? backendRequest.send(request) : sendWithoutBody(request, backendRequest);
                })
                .onSuccess(backendResponse -> relay(backendResponse, request.response()))
                .onFailure(failure -> badGateway(request, backend, failure));
    }

    /**
     * Starts the route's clock when the request arrives. All of this runs on the request's event loop, so the timer
     * sees the exchange's state without races.
     */
    private void boundBy(Duration timeout, HttpServerRequest request, String backend,
            AtomicReference<HttpClientRequest> underway) {
        HttpServerResponse response = request.response();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), fired -> {
            if (response.ended() || response.closed()) {
                return;
            }
            // The client's side first: resetting the backend request fails (or ends) what is relayed to the client,
            // which would otherwise answer 502 or finish a cut answer as if it were complete.
            if (response.headWritten()) {
                response.reset();
            } else {
                resumeUnlessRead(request);
                Problems.send(response, 504, "gateway_timeout", "Gateway Timeout",
                        backend + " did not answer within the route's timeout of " + timeout.toMillis() + " ms");
            }
            Optional.ofNullable(underway.get()).ifPresent(HttpClientRequest::reset);
        });
        // A client that hangs up first leaves the timer to fire on a closed response, which it then ignores.
        response.endHandler(ended -> vertx.cancelTimer(timer));
    }

    /**
     * A client that hangs up before its answer is complete cancels the backend request too: the stream to the service
     * is reset, as Envoy-based Kubernetes gateways do, so the local run shows the services what production will.
     */
    private static void passOnHangUp(HttpServerRequest request, HttpClientRequest backendRequest) {
        HttpServerResponse response = request.response();
        response.closeHandler(closed -> {
            if (!response.ended()) {
                backendRequest.reset();
            }
        });
    }

    /**
     * A request whose body was still paused must be read (and dropped) before it is answered; one already read in
     * full, as a body relayed to the backend is, cannot be resumed any more.
     */
    private static void resumeUnlessRead(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.resume();
        }
    }

    private static Future<HttpClientResponse> sendWithoutBody(HttpServerRequest request, HttpClientRequest backend) {
        request.resume();
        return backend.send();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
    }

    private static void copyRequestHeaders(HttpServerRequest request, HttpClientRequest backend) {
        copyEndToEnd(request.headers(), backend.headers());
        if (request.authority() != null) {
            backend.authority(request.authority());
        }
        // The gateway is the edge: whatever X-Forwarded-For a client sends is its own claim, and the services read the
        // first entry, so the gateway replaces the header with the address it actually sees (no spoofed session IPs).
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        backend.putHeader("X-Forwarded-For", client);
        backend.putHeader("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            backend.putHeader("X-Forwarded-Host", request.authority().toString());
        }
        // Without it, a service that trusts X-Forwarded-Proto assumes the scheme's default port in the links it builds.
        backend.putHeader("X-Forwarded-Port", String.valueOf(request.localAddress().port()));
    }

    private static void relay(HttpClientResponse backendResponse, HttpServerResponse response) {
        response.setStatusCode(backendResponse.statusCode());
        response.setStatusMessage(backendResponse.statusMessage());
        copyEndToEnd(backendResponse.headers(), response.headers());
        response.send(backendResponse).onFailure(failure -> response.reset());
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        // Connection may name further per-connection headers (RFC 9110 §7.6.1).
        String connection = from.get("Connection");
        Set<String> named = new HashSet<>();
        if (connection != null) {
            named.addAll(Arrays.asList(connection.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
        }
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !NOT_FORWARDED.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static void badGateway(HttpServerRequest request, String backend, Throwable failure) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            // Already answered: the route's timeout reset this backend request.
            return;
        }
        if (response.headWritten()) {
            // Too late for an error body; cutting the connection tells the client the answer is incomplete.
            response.reset();
            return;
        }
        resumeUnlessRead(request);
        Problems.send(response, 502, "bad_gateway", "Bad Gateway",
                backend + " is not answering: " + failure.getMessage());
    }
}
