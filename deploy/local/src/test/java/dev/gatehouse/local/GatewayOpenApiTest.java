package dev.gatehouse.local;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /openapi.json} on the gateway: the services' documents merged, with only the paths the HTTPRoutes send
 * to each service, shared schemas once, clashing ones kept apart, and a 502 when a service cannot give its document.
 */
class GatewayOpenApiTest {

    private static final String PROBLEM = "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"}}}";
    private static final String BEARER = "{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}";

    private static Vertx vertx;
    private static final List<HttpServer> servers = new java.util.ArrayList<>();
    private static Gateway gateway;
    private static Gateway brokenGateway;
    private static int gatewayPort;
    private static int brokenGatewayPort;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        RouteTable routes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
        Map<String, Integer> ports = new HashMap<>();
        ports.put("auth-service", serve(document(Map.of(
                "/auth/login", operation("Log in", null),
                "/auth/token", operation("Service tokens", null),
                "/users/me", operation("The account", null),
                "/internal/revocations", operation("The feed", null),
                "/q/health", operation("Health", null)),
                Map.of("Problem", PROBLEM, "UserResponse", "{\"type\":\"object\"}"))));
        ports.put("company-service", serve(document(Map.of(
                "/companies", operation("Register a company", "CompanyRole"),
                "/internal/companies/{companyId}/members", operation("Add a member", null)),
                Map.of("Problem", PROBLEM, "CompanyRole", "{\"enum\":[\"OWNER\",\"ADMIN\",\"STAFF\"]}"))));
        ports.put("approval-service", serve(document(Map.of(
                "/approvals", operation("Ask to join", "CompanyRole"),
                "/approvals/{id}/approve", operation("Approve", null),
                // A path another service owns must not be taken from this one.
                "/companies/stolen", operation("Not approval-service's", null)),
                Map.of("Problem", PROBLEM, "CompanyRole", "{\"enum\":[\"ADMIN\",\"STAFF\"]}"))));
        ports.put("console-service", serve(null));
        for (String name : routes.backends()) {
            ports.putIfAbsent(name, TestServers.closedPort());
        }
        gateway = new Gateway(vertx, routes, ports, new DevInbox(List.of()), 1);
        gatewayPort = TestServers.await(gateway.listen(0));

        Map<String, Integer> down = new HashMap<>(ports);
        down.put("company-service", TestServers.closedPort());
        brokenGateway = new Gateway(vertx, routes, down, new DevInbox(List.of()), 1);
        brokenGatewayPort = TestServers.await(brokenGateway.listen(0));
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.await(gateway.close());
        TestServers.await(brokenGateway.close());
        for (HttpServer server : servers) {
            TestServers.await(server.close());
        }
        TestServers.await(vertx.close());
    }

    @Test
    void onlyThePathsTheRoutesExposeAreMerged() {
        JsonObject merged = new JsonObject(TestServers.request(gatewayPort).get(OpenApiEndpoint.PATH).then()
                .statusCode(200).contentType(containsString("application/json")).extract().asString());
        JsonObject paths = merged.getJsonObject("paths");
        assertEquals(List.of("/approvals", "/approvals/{id}/approve", "/auth/login", "/companies", "/users/me"),
                List.copyOf(paths.fieldNames()));
        assertEquals("Register a company", paths.getJsonObject("/companies").getJsonObject("post").getString("summary"));
        assertFalse(merged.encode().contains("/internal"), merged.encodePrettily());
        assertFalse(merged.encode().contains("Service tokens"));
        assertEquals("Gatehouse API", merged.getJsonObject("info").getString("title"));
        assertEquals(new JsonObject(BEARER),
                merged.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer"));
    }

    @Test
    void sharedSchemasAppearOnceAndClashingOnesAreKeptApart() {
        JsonObject merged = new JsonObject(TestServers.request(gatewayPort).get(OpenApiEndpoint.PATH).then()
                .statusCode(200).extract().asString());
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(new JsonObject(PROBLEM), schemas.getJsonObject("Problem"));
        assertTrue(schemas.containsKey("UserResponse"));
        // approval-service comes first (backends in name order), so company-service's clashing schema is renamed
        // and its own operation refers to the renamed one.
        assertEquals(List.of("ADMIN", "STAFF"), schemas.getJsonObject("CompanyRole").getJsonArray("enum").getList());
        assertEquals(List.of("OWNER", "ADMIN", "STAFF"),
                schemas.getJsonObject("CompanyServiceCompanyRole").getJsonArray("enum").getList());
        assertEquals("#/components/schemas/CompanyServiceCompanyRole", merged.getJsonObject("paths")
                .getJsonObject("/companies").getJsonObject("post").getJsonObject("requestBody").getString("$ref"));
        assertEquals("#/components/schemas/CompanyRole", merged.getJsonObject("paths")
                .getJsonObject("/approvals").getJsonObject("post").getJsonObject("requestBody").getString("$ref"));
    }

    @Test
    void aServiceThatCannotGiveItsDocumentMakesIt502() {
        TestServers.request(brokenGatewayPort).get(OpenApiEndpoint.PATH).then().statusCode(502)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("bad_gateway")).body("detail", containsString("company-service"));
        TestServers.request(gatewayPort).post(OpenApiEndpoint.PATH).then().statusCode(405)
                .header("Allow", equalTo("GET"));
    }

    private static JsonObject operation(String summary, String bodySchema) {
        JsonObject post = new JsonObject().put("summary", summary).put("security",
                new io.vertx.core.json.JsonArray().add(new JsonObject().put("bearer", new io.vertx.core.json.JsonArray())));
        if (bodySchema != null) {
            post.put("requestBody", new JsonObject().put("$ref", "#/components/schemas/" + bodySchema));
        }
        return new JsonObject().put("post", post);
    }

    private static JsonObject document(Map<String, JsonObject> paths, Map<String, String> schemas) {
        JsonObject pathObject = new JsonObject();
        paths.forEach(pathObject::put);
        JsonObject schemaObject = new JsonObject();
        schemas.forEach((name, schema) -> schemaObject.put(name, new JsonObject(schema)));
        return new JsonObject().put("openapi", "3.1.0").put("info", new JsonObject().put("title", "a service"))
                .put("paths", pathObject).put("components", new JsonObject().put("schemas", schemaObject)
                        .put("securitySchemes", new JsonObject().put("bearer", new JsonObject(BEARER))));
    }

    /** A backend answering its OpenAPI document at /q/openapi, or 404 there when it has none. */
    private static int serve(JsonObject document) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (document != null && request.path().equals("/q/openapi")
                    && "json".equals(request.getParam("format"))) {
                request.response().putHeader("Content-Type", "application/json").end(document.encode());
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        servers.add(server);
        return TestServers.await(server.listen(0, "127.0.0.1")).actualPort();
    }
}
