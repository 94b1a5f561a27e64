package dev.gatehouse.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * {@code GET /openapi.json}: one OpenAPI document for everything the gateway exposes, merged from each routed
 * service's own {@code /q/openapi}. A path is kept only when the HTTPRoutes send it to the service that documents it,
 * so internal paths ({@code /internal/...}, {@code /auth/token}) and Quarkus' own never appear. A backend without an
 * OpenAPI document (404, the console) adds nothing; one that cannot be read makes the answer 502, because a document
 * that silently lacks a service would mislead. Schemas with the same name and the same definition are shared; a
 * clash is resolved by prefixing the later service's schema with its name and rewriting its references.
 */
final class OpenApiEndpoint {

    static final String PATH = "/openapi.json";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final int TIMEOUT_MILLIS = 10_000;

    private final RouteTable routes;
    private final Map<String, Integer> backendPorts;

    OpenApiEndpoint(RouteTable routes, Map<String, Integer> backendPorts) {
        this.routes = routes;
        this.backendPorts = backendPorts;
    }

    void handle(HttpClient client, HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            request.response().putHeader("Allow", "GET");
            Problems.send(request.response(), 405, "method_not_allowed", "Method Not Allowed",
                    "The OpenAPI document is read with GET");
            return;
        }
        Map<String, Future<Optional<JsonObject>>> documents = new TreeMap<>();
        for (String backend : routes.backends()) {
            documents.put(backend, fetch(client, backend, backendPorts.get(backend)));
        }
        Future.join(new ArrayList<>(documents.values())).onComplete(done -> {
            Map<String, JsonObject> found = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Optional<JsonObject>>> entry : documents.entrySet()) {
                if (entry.getValue().failed()) {
                    Problems.send(request.response(), 502, "bad_gateway", "Bad Gateway", entry.getKey()
                            + " did not give its OpenAPI document: " + entry.getValue().cause().getMessage());
                    return;
                }
                entry.getValue().result().ifPresent(document -> found.put(entry.getKey(), document));
            }
            request.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(merge(found).encodePrettily());
        });
    }

    private static Future<Optional<JsonObject>> fetch(HttpClient client, String backend, int port) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setURI("/q/openapi?format=json").setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("Accept", "application/json");
        return client.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> read(backend, response, body.toString())));
    }

    private static Optional<JsonObject> read(String backend, HttpClientResponse response, String body) {
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(backend + " answered " + response.statusCode());
        }
        return Optional.of(new JsonObject(body));
    }

    /** The merged document; {@code documents} by backend name, in a stable order. */
    JsonObject merge(Map<String, JsonObject> documents) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject securitySchemes = new JsonObject();
        JsonArray tags = new JsonArray();
        String openapi = "3.1.0";
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String backend = entry.getKey();
            JsonObject document = entry.getValue();
            openapi = document.getString("openapi", openapi);
            JsonObject components = document.getJsonObject("components", new JsonObject());
            JsonObject own = components.getJsonObject("schemas", new JsonObject());
            Map<String, String> renames = new TreeMap<>();
            for (String name : own.fieldNames()) {
                if (schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name))) {
                    renames.put(name, prefix(backend) + name);
                }
            }
            if (!renames.isEmpty()) {
                document = (JsonObject) rewriteRefs(document, renames);
                components = document.getJsonObject("components", new JsonObject());
                own = components.getJsonObject("schemas", new JsonObject());
            }
            for (String name : own.fieldNames()) {
                schemas.put(renames.getOrDefault(name, name), own.getValue(name));
            }
            JsonObject schemes = components.getJsonObject("securitySchemes", new JsonObject());
            for (String name : schemes.fieldNames()) {
                if (!securitySchemes.containsKey(name)) {
                    securitySchemes.put(name, schemes.getValue(name));
                }
            }
            JsonObject ownPaths = document.getJsonObject("paths", new JsonObject());
            for (String path : ownPaths.fieldNames()) {
                if (routes.match(path).map(route -> route.backend().equals(backend)).orElse(false)) {
                    paths.put(path, ownPaths.getValue(path));
                }
            }
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
        }
        JsonObject merged = new JsonObject().put("openapi", openapi)
                .put("info", new JsonObject().put("title", "Gatehouse API").put("version", "1")
                        .put("description", "Every public operation of Gatehouse, as the gateway routes it. "
                                + "Errors are application/problem+json (the Problem schema)."))
                .put("paths", sorted(paths))
                .put("components", new JsonObject().put("schemas", sorted(schemas))
                        .put("securitySchemes", securitySchemes));
        if (!tags.isEmpty()) {
            merged.put("tags", tags);
        }
        return merged;
    }

    private static JsonObject sorted(JsonObject object) {
        JsonObject sorted = new JsonObject();
        new TreeMap<>(object.getMap()).forEach(sorted::put);
        return sorted;
    }

    /** "approval-service" → "ApprovalService". */
    static String prefix(String backend) {
        StringBuilder prefix = new StringBuilder();
        for (String part : backend.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return prefix.toString();
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            for (String field : object.fieldNames()) {
                Object value = object.getValue(field);
                if ("$ref".equals(field) && value instanceof String ref && ref.startsWith(SCHEMA_REF)
                        && renames.containsKey(ref.substring(SCHEMA_REF.length()))) {
                    copy.put(field, SCHEMA_REF + renames.get(ref.substring(SCHEMA_REF.length())));
                } else {
                    copy.put(field, rewriteRefs(value, renames));
                }
            }
            return copy;
        }
        if (node instanceof JsonArray array) {
            List<Object> items = new ArrayList<>();
            array.forEach(item -> items.add(rewriteRefs(item, renames)));
            return new JsonArray(items);
        }
        return node;
    }
}
