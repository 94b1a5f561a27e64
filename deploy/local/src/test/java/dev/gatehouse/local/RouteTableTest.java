package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private static RouteTable kubernetesRoutes;

    @BeforeAll
    static void readTheRealHttpRoutes() throws IOException {
        kubernetesRoutes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
    }

    @ParameterizedTest
    @CsvSource({
            "/auth/register, auth-service",
            "/auth/login, auth-service",
            "/auth/refresh, auth-service",
            "/auth/logout, auth-service",
            "/auth/logout-all, auth-service",
            "/auth/password/forgot, auth-service",
            "/auth/password/reset, auth-service",
            "/auth/email/verify, auth-service",
            "/users/me/sessions, auth-service",
            "/.well-known/jwks.json, auth-service",
            "/.well-known/openid-configuration, auth-service",
            "/companies, company-service",
            "/companies/mine, company-service",
            "/companies/GH-7Q2K/members, company-service",
            "/approvals/42/approve, approval-service",
            "/console, console-service",
            "/console/companies/GH-7Q2K, console-service",
    })
    void routesPublicPathsToTheirService(String path, String backend) {
        assertEquals(Optional.of(backend), backendOf(kubernetesRoutes, path));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/authx", "/usersettings", "/companiesX/1", "/.well-known/jwks.json/x",
            "/.well-known/openid-configuration/x", "/consolex", "/", "/q/health/ready" })
    void leavesOtherPathsUnrouted(String path) {
        assertEquals(Optional.empty(), backendOf(kubernetesRoutes, path));
    }

    /** API.md: the token endpoint for services is internal; a leaked client secret must not work from outside. */
    @ParameterizedTest
    @ValueSource(strings = { "/auth/token", "/auth/token/", "/auth/token/x", "/auth", "/auth/", "/auth/tokens" })
    void kubernetesRoutesNotTheServiceTokenEndpoint(String path) {
        assertEquals(Optional.empty(), backendOf(kubernetesRoutes, path));
    }

    /** API.md: the dev inbox does not exist in Kubernetes, and otp-service is internal only. */
    @ParameterizedTest
    @ValueSource(strings = { "/dev/inbox", "/dev", "/otp", "/otp/3f2a/verify", "/otp/3f2a/resend" })
    void kubernetesRoutesNeitherTheDevInboxNorOtpService(String path) {
        assertEquals(Optional.empty(), backendOf(kubernetesRoutes, path));
    }

    @Test
    void noHttpRouteSendsTrafficToOtpService() {
        assertFalse(kubernetesRoutes.backends().contains("otp-service"), kubernetesRoutes.backends().toString());
        assertTrue(kubernetesRoutes.routes().stream().noneMatch(route -> route.match().value().startsWith("/dev")));
    }

    @Test
    void exactBeatsPrefixAndLongerPrefixBeatsShorter(@TempDir Path directory) throws IOException {
        write(directory, "httproute-a.yaml", """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: a
                spec:
                  rules:
                    - matches:
                        - path: { type: PathPrefix, value: / }
                      backendRefs: [ { name: catch-all, port: 80 } ]
                    - matches:
                        - path: { type: PathPrefix, value: /api }
                      backendRefs: [ { name: api, port: 80 } ]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: b
                spec:
                  rules:
                    - matches:
                        - path: { type: PathPrefix, value: /api/admin/ }
                        - path: { type: Exact, value: /api/status }
                      backendRefs: [ { name: admin, port: 80 } ]
                """);
        RouteTable routes = RouteTable.fromGatewayDirectory(directory);

        assertEquals(Optional.of("api"), backendOf(routes, "/api/users"));
        assertEquals(Optional.of("admin"), backendOf(routes, "/api/admin"));
        assertEquals(Optional.of("admin"), backendOf(routes, "/api/admin/users"));
        assertEquals(Optional.of("api"), backendOf(routes, "/api/administrators"));
        assertEquals(Optional.of("admin"), backendOf(routes, "/api/status"));
        assertEquals(Optional.of("api"), backendOf(routes, "/api/status/x"));
        assertEquals(Optional.of("catch-all"), backendOf(routes, "/elsewhere"));
    }

    @Test
    void aRuleWithoutMatchesMatchesEverything(@TempDir Path directory) throws IOException {
        write(directory, "httproute-all.yaml", """
                kind: HTTPRoute
                metadata: { name: all }
                spec:
                  rules:
                    - backendRefs: [ { name: web } ]
                """);
        assertEquals(Optional.of("web"), backendOf(RouteTable.fromGatewayDirectory(directory), "/anything/at/all"));
    }

    @Test
    void onlyHttpRoutesInRouteFilesCount(@TempDir Path directory) throws IOException {
        write(directory, "httproute-mixed.yaml", """
                kind: Service
                metadata: { name: not-a-route }
                ---
                kind: HTTPRoute
                metadata: { name: real }
                spec:
                  rules:
                    - matches: [ { path: { type: PathPrefix, value: /real } } ]
                      backendRefs: [ { name: real } ]
                """);
        write(directory, "gateway.yaml", """
                kind: HTTPRoute
                metadata: { name: not-a-route-file }
                spec:
                  rules:
                    - backendRefs: [ { name: sneaky } ]
                """);
        RouteTable routes = RouteTable.fromGatewayDirectory(directory);
        assertEquals(Set.of("real"), routes.backends());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "matches: [ { path: { type: RegularExpression, value: /a.* } } ]",
            "matches: [ { path: { type: PathPrefix, value: /a }, method: GET } ]",
            "matches: [ { path: { type: PathPrefix, value: /a }, headers: [ { name: x, value: y } ] } ]",
            "filters: [ { type: URLRewrite } ]",
    })
    void refusesWhatItCannotRouteLikeTheCluster(String ruleFragment, @TempDir Path directory) throws IOException {
        write(directory, "httproute-x.yaml", """
                kind: HTTPRoute
                metadata: { name: x }
                spec:
                  rules:
                    - %s
                      backendRefs: [ { name: x } ]
                """.formatted(ruleFragment));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.fromGatewayDirectory(directory));
    }

    /** Every public path has a bound, so no stalled service or database can hold a client without one. */
    @Test
    void everyKubernetesRouteCarriesATimeout() {
        for (RouteTable.Route route : kubernetesRoutes.routes()) {
            assertTrue(route.timeout().isPresent(), route + " has no timeouts.request");
        }
        assertEquals(Optional.of(Duration.ofSeconds(10)), kubernetesRoutes.match("/users/me").flatMap(
                RouteTable.Route::timeout));
        assertEquals(Optional.of(Duration.ofSeconds(15)), kubernetesRoutes.match("/approvals/1/approve").flatMap(
                RouteTable.Route::timeout));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{ request: 10s }; PT10S",
            "{ backendRequest: 2s }; PT2S",
            "{ request: 10s, backendRequest: 3s }; PT3S",
            "{ request: 1m30s }; PT1M30S",
            "{ request: 1h2m3s500ms }; PT1H2M3.5S",
            "{ request: 250ms }; PT0.25S",
            "{ request: 0s }; ",
            "{ request: 10s, backendRequest: 0s }; PT10S",
    })
    void readsTheShorterOfTheRulesTimeouts(String timeouts, String expected, @TempDir Path directory)
            throws IOException {
        write(directory, "httproute-x.yaml", """
                kind: HTTPRoute
                metadata: { name: x }
                spec:
                  rules:
                    - timeouts: %s
                      backendRefs: [ { name: x } ]
                """.formatted(timeouts));
        RouteTable routes = RouteTable.fromGatewayDirectory(directory);
        Optional<Duration> bound = expected == null ? Optional.empty() : Optional.of(Duration.parse(expected));
        assertEquals(bound, routes.match("/anything").flatMap(RouteTable.Route::timeout));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{ request: 10 }", "{ request: 1.5s }", "{ request: 10S }", "{ request: 1d }",
            "{ request: 2s, backendRequest: 3s }", "{ idle: 3s }", "{ request: 1h1h1h1h1h }" })
    void refusesTimeoutsTheGatewayApiRefuses(String timeouts, @TempDir Path directory) throws IOException {
        write(directory, "httproute-x.yaml", """
                kind: HTTPRoute
                metadata: { name: x }
                spec:
                  rules:
                    - timeouts: %s
                      backendRefs: [ { name: x } ]
                """.formatted(timeouts));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.fromGatewayDirectory(directory));
    }

    private static Optional<String> backendOf(RouteTable routes, String path) {
        return routes.match(path).map(RouteTable.Route::backend);
    }

    private static void write(Path directory, String name, String yaml) throws IOException {
        Files.writeString(directory.resolve(name), yaml);
    }
}
