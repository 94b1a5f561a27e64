package dev.gatehouse.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the local run reads from its environment, resolved once at start so that the rest of the code never
 * looks at variables itself.
 *
 * @param repositoryRoot where the service modules and deploy/k8s live
 * @param stateDirectory PostgreSQL data, generated keys and logs; kept across runs
 * @param gatewayPort the one public port, like the Kubernetes Gateway's listener
 * @param servicePorts each service's own port
 * @param embeddedDatabasePort the embedded PostgreSQL's port, unused when an external server is configured
 * @param externalDatabase the server named by the libpq variables (PGHOST...), if any
 * @param readyTimeoutSeconds how long the services get to become ready
 * @param serviceJavaOptions JVM options that replace every service's own ({@link #javaOptions(ServiceSpec)}), if set
 * @param otlpEndpoint where the services send their traces (OTEL_EXPORTER_OTLP_ENDPOINT); without it tracing is off
 * @param jsonLogs the services log one JSON object per line, as in production (GATEHOUSE_JSON_LOGS=true)
 */
public record LocalSettings(
        Path repositoryRoot,
        Path stateDirectory,
        int gatewayPort,
        Map<ServiceSpec, Integer> servicePorts,
        int embeddedDatabasePort,
        Optional<DatabaseEndpoint> externalDatabase,
        int readyTimeoutSeconds,
        Optional<String> serviceJavaOptions,
        Optional<String> otlpEndpoint,
        boolean jsonLogs) {

    static final int DEFAULT_GATEWAY_PORT = 8080;
    static final int DEFAULT_EMBEDDED_DATABASE_PORT = 15432;
    static final int DEFAULT_READY_TIMEOUT_SECONDS = 120;
    /**
     * What every service JVM gets; see deploy/local/README.md for each choice. C2 stays: C1 alone makes an Argon2id
     * hash three times costlier. The serial collector has the smallest footprint and no GC threads of its own, and
     * after a burst it gives free heap back (MaxHeapFreeRatio), all of it at the first full collection rather than
     * over four (ShrinkHeapInSteps). Metaspace and code cache are capped well above what a
     * service uses, so a leak fails loudly instead of growing the process. Every five seconds the JVM hands back the
     * memory glibc keeps after a burst of native allocations (JIT compilation above all). One Vert.x event loop per
     * core (Quarkus' default is two) is enough for non-blocking services and saves the per-loop buffer caches.
     */
    static final String COMMON_SERVICE_JAVA_OPTIONS = "-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 "
            + "-XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m "
            + "-XX:TrimNativeHeapInterval=5000 -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError";

    public static LocalSettings fromEnvironment() {
        Path root = Path.of(System.getProperty("gatehouse.root", "")).toAbsolutePath().normalize();
        return from(root, System.getenv()::get);
    }

    static LocalSettings from(Path root, Function<String, String> env) {
        Path state = root.resolve(text(env, "GATEHOUSE_STATE_DIR", ".gatehouse")).normalize();
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            ports.put(service, number(env, service.portVariable(), service.defaultPort()));
        }
        return new LocalSettings(
                root,
                state,
                number(env, "GATEHOUSE_GATEWAY_PORT", DEFAULT_GATEWAY_PORT),
                Map.copyOf(ports),
                number(env, "GATEHOUSE_PG_PORT", DEFAULT_EMBEDDED_DATABASE_PORT),
                externalDatabase(env),
                number(env, "GATEHOUSE_READY_TIMEOUT", DEFAULT_READY_TIMEOUT_SECONDS),
                Optional.ofNullable(text(env, "GATEHOUSE_SERVICE_JAVA_OPTS", null)),
                Optional.ofNullable(text(env, "OTEL_EXPORTER_OTLP_ENDPOINT", null)),
                Boolean.parseBoolean(text(env, "GATEHOUSE_JSON_LOGS", "false")));
    }

    /** GATEHOUSE_SERVICE_JAVA_OPTS when set, otherwise the common options with the service's own heap. */
    public String javaOptions(ServiceSpec service) {
        return serviceJavaOptions.orElseGet(() -> defaultJavaOptions(service));
    }

    static String defaultJavaOptions(ServiceSpec service) {
        int cpus = Runtime.getRuntime().availableProcessors();
        String young = service.youngGenerationMiB() > 0 ? "-Xmn" + service.youngGenerationMiB() + "m " : "";
        return "-Xms" + service.initialHeapMiB() + "m -Xmx" + service.maxHeapMiB(cpus) + "m " + young
                + COMMON_SERVICE_JAVA_OPTIONS + " -Dquarkus.vertx.event-loops-pool-size=" + cpus;
    }

    public int port(ServiceSpec service) {
        return servicePorts.get(service);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String serviceUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + port(service);
    }

    public Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    /** libpq's own variable names, so a developer's existing PostgreSQL setup just works. */
    private static Optional<DatabaseEndpoint> externalDatabase(Function<String, String> env) {
        String host = env.apply("PGHOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseEndpoint(
                host,
                number(env, "PGPORT", 5432),
                text(env, "PGUSER", System.getProperty("user.name")),
                text(env, "PGPASSWORD", "")));
    }

    private static String text(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(Function<String, String> env, String name, int fallback) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
