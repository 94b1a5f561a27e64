package dev.gatehouse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The gateway's routes, read from the Kubernetes HTTPRoutes and nothing else, so that a path the cluster does not
 * expose cannot be reached locally either. Matching follows the Gateway API: Exact before PathPrefix, the longest
 * prefix first, then the Route's name, then the rule's position.
 *
 * <p>
 * A rule's {@code timeouts} (Gateway API {@code request} and {@code backendRequest}) travel with its routes: the
 * gateway gives up on the backend after the shorter of the two, as an Envoy-based gateway without retries does.
 * <p>
 * Anything in a route that this table cannot honour (header, query or method matches, filters, weighted backends)
 * fails loudly instead of being ignored, because ignoring it would make local routing differ from the cluster's.
 */
public final class RouteTable {

    private static final String ROUTE_FILE_PREFIX = "httproute-";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The Gateway API's duration format (GEP-2257): one to four parts of a number and a unit, e.g. "1m30s". */
    private static final Pattern DURATION = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]{1,5})(h|ms|m|s)");

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Route.PRECEDENCE).toList();
    }

    /** Reads every {@code httproute-*.yaml} in the Gateway directory of the Kubernetes base. */
    public static RouteTable fromGatewayDirectory(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(RouteTable::isRouteFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No " + ROUTE_FILE_PREFIX + "*.yaml in " + directory);
        }
        List<Route> routes = new ArrayList<>();
        for (Path file : files) {
            routes.addAll(parse(file));
        }
        return new RouteTable(routes);
    }

    /** The route that serves the path, or empty when the gateway answers 404. */
    public Optional<Route> match(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    /** The Service names the routes send traffic to. */
    public Set<String> backends() {
        Set<String> names = new TreeSet<>();
        routes.forEach(route -> names.add(route.backend()));
        return names;
    }

    /** In precedence order. */
    public List<Route> routes() {
        return routes;
    }

    private static boolean isRouteFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(ROUTE_FILE_PREFIX) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    static List<Route> parse(Path file) throws IOException {
        List<Route> routes = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "HTTPRoute".equals(document.path("kind").asText())) {
                    routes.addAll(routesOf(document, file));
                }
            }
        }
        return routes;
    }

    private static List<Route> routesOf(JsonNode httpRoute, Path file) {
        String routeName = httpRoute.path("metadata").path("name").asText();
        String where = file.getFileName() + " (HTTPRoute " + routeName + ")";
        List<Route> routes = new ArrayList<>();
        JsonNode rules = httpRoute.path("spec").path("rules");
        for (int ruleIndex = 0; ruleIndex < rules.size(); ruleIndex++) {
            JsonNode rule = rules.get(ruleIndex);
            unsupportedIfPresent(rule, "filters", where);
            String backend = backendOf(rule, where);
            Optional<Duration> timeout = timeoutOf(rule.path("timeouts"), where);
            JsonNode matches = rule.path("matches");
            if (matches.isEmpty()) {
                // The Gateway API's default match is PathPrefix "/".
                routes.add(new Route(PathMatch.prefix("/"), backend, routeName, ruleIndex, timeout));
            }
            for (JsonNode match : matches) {
                unsupportedIfPresent(match, "headers", where);
                unsupportedIfPresent(match, "queryParams", where);
                unsupportedIfPresent(match, "method", where);
                routes.add(new Route(pathMatchOf(match.path("path"), where), backend, routeName, ruleIndex,
                        timeout));
            }
        }
        return routes;
    }

    /**
     * The bound on one proxied request: the shorter of {@code request} (the whole exchange) and
     * {@code backendRequest} (one try at the backend), since this gateway never retries. "0s" means no timeout, as
     * the Gateway API defines it; empty when the rule sets neither.
     */
    static Optional<Duration> timeoutOf(JsonNode timeouts, String where) {
        if (timeouts.isMissingNode() || timeouts.isNull()) {
            return Optional.empty();
        }
        Set<String> known = Set.of("request", "backendRequest");
        timeouts.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException(where + ": timeouts." + field + " is not supported");
            }
        });
        Optional<Duration> request = durationOf(timeouts.path("request"), "request", where);
        Optional<Duration> backendRequest = durationOf(timeouts.path("backendRequest"), "backendRequest", where);
        if (request.isPresent() && backendRequest.isPresent() && backendRequest.get().compareTo(request.get()) > 0) {
            // The Gateway API's own validation: one try cannot outlast the whole request.
            throw new IllegalArgumentException(where + ": timeouts.backendRequest is longer than timeouts.request");
        }
        return backendRequest.or(() -> request);
    }

    private static Optional<Duration> durationOf(JsonNode value, String field, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        if (!DURATION.matcher(text).matches()) {
            throw new IllegalArgumentException(where + ": timeouts." + field + " '" + text
                    + "' is not a Gateway API duration (like 10s, 1m30s or 500ms)");
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }

    private static PathMatch pathMatchOf(JsonNode path, String where) {
        String type = path.path("type").asText("PathPrefix");
        String value = path.path("value").asText("/");
        return switch (type) {
            case "Exact" -> PathMatch.exact(value);
            case "PathPrefix" -> PathMatch.prefix(value);
            default -> throw new IllegalArgumentException(where + ": path match type " + type + " is not supported");
        };
    }

    private static String backendOf(JsonNode rule, String where) {
        JsonNode backendRefs = rule.path("backendRefs");
        if (backendRefs.size() != 1) {
            throw new IllegalArgumentException(where + ": a rule needs exactly one backendRef, found "
                    + backendRefs.size());
        }
        JsonNode backend = backendRefs.get(0);
        String kind = backend.path("kind").asText("Service");
        if (!"Service".equals(kind)) {
            throw new IllegalArgumentException(where + ": backendRef kind " + kind + " is not supported");
        }
        unsupportedIfPresent(backend, "filters", where);
        return backend.path("name").asText();
    }

    private static void unsupportedIfPresent(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        boolean absent = value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty());
        if (!absent) {
            throw new IllegalArgumentException(where + ": '" + field + "' is not supported by the local gateway");
        }
    }

    /**
     * One path match of one rule.
     *
     * @param match what the request path must satisfy
     * @param backend the Service name of the rule's backendRef
     * @param routeName the HTTPRoute's metadata.name, a tie-breaker between routes
     * @param ruleIndex the rule's position, a tie-breaker within a route
     * @param timeout how long the gateway waits for the backend's whole answer; empty for no bound of the route's
     */
    public record Route(PathMatch match, String backend, String routeName, int ruleIndex, Optional<Duration> timeout) {

        static final Comparator<Route> PRECEDENCE = Comparator
                .comparing((Route route) -> route.match().type())
                .thenComparing(route -> route.match().value().length(), Comparator.reverseOrder())
                .thenComparing(Route::routeName)
                .thenComparingInt(Route::ruleIndex);

        boolean matches(String path) {
            return match.matches(path);
        }
    }

    /**
     * A Gateway API path match.
     *
     * @param type EXACT or PATH_PREFIX; the declaration order is the precedence order
     * @param value the path, without a trailing slash for prefixes
     */
    public record PathMatch(Type type, String value) {

        public enum Type {
            EXACT,
            PATH_PREFIX
        }

        static PathMatch exact(String value) {
            return new PathMatch(Type.EXACT, value);
        }

        /** The Gateway API ignores a prefix's trailing slash: "/auth/" and "/auth" match the same paths. */
        static PathMatch prefix(String value) {
            String trimmed = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            return new PathMatch(Type.PATH_PREFIX, trimmed);
        }

        /** A prefix matches whole path elements: "/auth" matches "/auth" and "/auth/x", never "/authx". */
        boolean matches(String path) {
            if (type == Type.EXACT) {
                return path.equals(value);
            }
            return value.equals("/") || path.equals(value) || path.startsWith(value + "/");
        }
    }
}
