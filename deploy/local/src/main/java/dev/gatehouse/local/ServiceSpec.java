package dev.gatehouse.local;

/**
 * The services as the local run knows them. The names are the Kubernetes Service names, because the
 * HTTPRoutes' backendRefs point at those and the gateway maps them back to local ports.
 */
public enum ServiceSpec {
    /**
     * auth-service's old generation holds what password checks need at most: the 19 MiB of Argon2id memory each
     * hashing thread (one per CPU) keeps, one imported hash that needs memory of its own (scrypt, or Argon2id of a higher cost:
     * at most 64 MiB, one at a time), and the
     * service itself. Hashes make next to no garbage any more, so the young generation stays small.
     */
    AUTH("auth-service", "auth", 8081, "GATEHOUSE_AUTH_PORT", 32, 124, 20, 16),
    OTP("otp-service", "otp", 8082, "GATEHOUSE_OTP_PORT", 16, 64, 0, 0),
    COMPANY("company-service", "company", 8083, "GATEHOUSE_COMPANY_PORT", 16, 64, 0, 0),
    APPROVAL("approval-service", "approval", 8084, "GATEHOUSE_APPROVAL_PORT", 16, 64, 0, 0),
    CONSOLE("console-service", "console", 8085, "GATEHOUSE_CONSOLE_PORT", 16, 64, 0, 0);

    private final String serviceName;
    private final String databaseName;
    private final int defaultPort;
    private final String portVariable;
    private final int initialHeapMiB;
    private final int maxHeapMiB;
    private final int heapPerCpuMiB;
    private final int youngGenerationMiB;

    ServiceSpec(String serviceName, String databaseName, int defaultPort, String portVariable, int initialHeapMiB,
            int maxHeapMiB, int heapPerCpuMiB, int youngGenerationMiB) {
        this.serviceName = serviceName;
        this.databaseName = databaseName;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.initialHeapMiB = initialHeapMiB;
        this.maxHeapMiB = maxHeapMiB;
        this.heapPerCpuMiB = heapPerCpuMiB;
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

    /** -Xmx of the local run on a machine of {@code cpus} (the JVM images set their own, for one CPU). */
    public int maxHeapMiB(int cpus) {
        return maxHeapMiB + heapPerCpuMiB * cpus;
    }

    /** -Xmn, or 0 for the collector's own sizing. */
    public int youngGenerationMiB() {
        return youngGenerationMiB;
    }
}
