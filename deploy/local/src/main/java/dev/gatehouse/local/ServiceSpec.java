package dev.gatehouse.local;

/**
 * The services as the local run knows them. The names are the Kubernetes Service names, because the
 * HTTPRoutes' backendRefs point at those and the gateway maps them back to local ports.
 */
public enum ServiceSpec {
    AUTH("auth-service", "auth", 8081, "GATEHOUSE_AUTH_PORT"),
    OTP("otp-service", "otp", 8082, "GATEHOUSE_OTP_PORT"),
    COMPANY("company-service", "company", 8083, "GATEHOUSE_COMPANY_PORT"),
    APPROVAL("approval-service", "approval", 8084, "GATEHOUSE_APPROVAL_PORT"),
    CONSOLE("console-service", "console", 8085, "GATEHOUSE_CONSOLE_PORT");

    private final String serviceName;
    private final String databaseName;
    private final int defaultPort;
    private final String portVariable;

    ServiceSpec(String serviceName, String databaseName, int defaultPort, String portVariable) {
        this.serviceName = serviceName;
        this.databaseName = databaseName;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
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
}
