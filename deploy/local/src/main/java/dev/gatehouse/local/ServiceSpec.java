package dev.gatehouse.local;

/**
 * The services as the local run knows them. The names are the Kubernetes Service names, because the
 * HTTPRoutes' backendRefs point at those and the gateway maps them back to local ports.
 */
public enum ServiceSpec {
    /**
     * Each hashing thread keeps its Argon2id memory (19 MiB) for the next hash, so auth-service holds one such block
     * per core for good, and the heap is sized for it; no hash allocates its memory anew.
     */
    AUTH("auth-service", "auth", 8081, "GATEHOUSE_AUTH_PORT", 32, 96),
    OTP("otp-service", "otp", 8082, "GATEHOUSE_OTP_PORT", 16, 64),
    COMPANY("company-service", "company", 8083, "GATEHOUSE_COMPANY_PORT", 16, 64),
    APPROVAL("approval-service", "approval", 8084, "GATEHOUSE_APPROVAL_PORT", 16, 64),
    CONSOLE("console-service", "console", 8085, "GATEHOUSE_CONSOLE_PORT", 16, 64);

    private final String serviceName;
    private final String databaseName;
    private final int defaultPort;
    private final String portVariable;
    private final int initialHeapMiB;
    private final int maxHeapMiB;

    ServiceSpec(String serviceName, String databaseName, int defaultPort, String portVariable, int initialHeapMiB,
            int maxHeapMiB) {
        this.serviceName = serviceName;
        this.databaseName = databaseName;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.initialHeapMiB = initialHeapMiB;
        this.maxHeapMiB = maxHeapMiB;
    }

    /** The Kubernetes Service name, which is also the Maven module directory. */
    public String serviceName() {
        return serviceName;
    }

    public String databaseName() {
        return databaseName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String portVariable() {
        return portVariable;
    }

    /** -Xms: what the service uses right after start, so it does not collect repeatedly while starting. */
    public int initialHeapMiB() {
        return initialHeapMiB;
    }

    /** -Xmx of the local run (the Kubernetes manifests set their own for the JVM images). */
    public int maxHeapMiB() {
        return maxHeapMiB;
    }
}
