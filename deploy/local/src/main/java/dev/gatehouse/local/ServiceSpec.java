package dev.gatehouse.local;

/**
 * The services as the local run knows them. The names are the Kubernetes Service names, because the
 * HTTPRoutes' backendRefs point at those and the gateway maps them back to local ports.
 */
public enum ServiceSpec {
    /**
     * Every concurrent Argon2id hash allocates 19 MiB that lives for the whole hash: a young generation large enough
     * for several hashes lets them die young; with the default one, they were promoted and collected in full
     * collections, and login ran at half the rate (measured with bench/run).
     */
    AUTH("auth-service", "auth", 8081, "GATEHOUSE_AUTH_PORT", 64, 192, 128),
    OTP("otp-service", "otp", 8082, "GATEHOUSE_OTP_PORT", 16, 64, 0),
    COMPANY("company-service", "company", 8083, "GATEHOUSE_COMPANY_PORT", 16, 64, 0),
    APPROVAL("approval-service", "approval", 8084, "GATEHOUSE_APPROVAL_PORT", 16, 64, 0),
    CONSOLE("console-service", "console", 8085, "GATEHOUSE_CONSOLE_PORT", 16, 64, 0);

    private final String serviceName;
    private final String databaseName;
    private final int defaultPort;
    private final String portVariable;
    private final int initialHeapMiB;
    private final int maxHeapMiB;
    private final int youngGenerationMiB;

    ServiceSpec(String serviceName, String databaseName, int defaultPort, String portVariable, int initialHeapMiB,
            int maxHeapMiB, int youngGenerationMiB) {
        this.serviceName = serviceName;
        this.databaseName = databaseName;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.initialHeapMiB = initialHeapMiB;
        this.maxHeapMiB = maxHeapMiB;
        this.youngGenerationMiB = youngGenerationMiB;
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

    /** -Xmn, or 0 for the collector's own sizing. */
    public int youngGenerationMiB() {
        return youngGenerationMiB;
    }
}
