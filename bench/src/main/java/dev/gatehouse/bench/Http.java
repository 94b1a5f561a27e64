package dev.gatehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * HTTP/1.1 to one port on 127.0.0.1 (the gateway, or a service directly) with keep-alive connections, one per virtual
 * user, so that a measurement is of the system and not of TCP handshakes. A request completes when its whole body
 * has arrived.
 */
final class Http implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "127.0.0.1";
    /** Long enough for an Argon2 queue under load; a request that takes longer is counted as a transport error. */
    private static final long IDLE_TIMEOUT_MS = 30_000;

    private final HttpClient client;
    private final int port;

    Http(Vertx vertx, int port, int connections) {
        this.port = port;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    Future<Reply> get(String uri, String bearer) {
        return send(HttpMethod.GET, uri, bearer, null, null);
    }

    Future<Reply> post(String uri, String bearer, Object body) {
        return send(HttpMethod.POST, uri, bearer, Buffer.buffer(encode(body)), "application/json");
    }

    Future<Reply> delete(String uri, String bearer) {
        return send(HttpMethod.DELETE, uri, bearer, null, null);
    }

    /** An application/x-www-form-urlencoded body, as OAuth's token endpoint takes. */
    Future<Reply> postForm(String uri, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encodeUrl(field.getKey()) + "=" + encodeUrl(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpMethod.POST, uri, null, Buffer.buffer(form), "application/x-www-form-urlencoded");
    }

    private Future<Reply> send(HttpMethod method, String uri, String bearer, Buffer payload, String contentType) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(HOST).setPort(port).setURI(uri)
                .setIdleTimeout(IDLE_TIMEOUT_MS);
        if (bearer != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (payload != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return client.request(options)
                .compose(request -> payload == null ? request.send() : request.send(payload))
                .compose(response -> response.body().map(bytes -> new Reply(response.statusCode(), bytes)));
    }

    static String encodeUrl(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] encode(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** A status and a body, which the setup and the refresh chain read. */
    record Reply(int status, Buffer body) {

        JsonNode json() {
            try {
                return JSON.readTree(body.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }

        String text(String field) {
            JsonNode value = json().get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalStateException("No '" + field + "' in the answer (status " + status + "): " + body);
            }
            return value.asText();
        }
    }
}
