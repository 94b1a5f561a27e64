package dev.gatehouse.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of each service, by the names of deploy/CONFIGURATION.md: the same contract the Kubernetes
 * manifests fill, filled here with local addresses and generated secrets.
 */
final class ServiceEnvironment {

    static final String MAIL_FROM = "no-reply@gatehouse.local";
    /** Twilio's documented test number that always works as a From. */
    static final String SMS_FROM = "+15005550006";
    static final String COMPANY_SERVICE_SCOPES = "otp:send,otp:verify,revocations:read";
    static final String APPROVAL_SERVICE_SCOPES = "members:read,members:write,revocations:read,contacts:read";
    static final String AUTH_SERVICE_SCOPES = "otp:send,otp:verify,messages:send,user-data:delete";

    /**
     * Every request of a local run reaches auth-service from 127.0.0.1 (through the gateway), so its limits per client
     * address would count all callers together: they are raised out of the way. The limits per account and the
     * global ones stay as in production, so a local run still shows them.
     */
    static final Map<String, String> LOCAL_ADDRESS_LIMITS = Map.of(
            "RATE_LIMIT_LOGIN_PER_IP", "100000/PT1M",
            "RATE_LIMIT_REGISTER_PER_IP", "100000/PT1M",
            "RATE_LIMIT_FORGOT_PER_IP", "100000/PT1M",
            "RATE_LIMIT_RESET_PER_IP", "100000/PT1M",
            "RATE_LIMIT_TOKEN_PER_IP", "100000/PT1M",
            "RATE_LIMIT_VERIFICATION_SEND_PER_IP", "100000/PT1M",
            "RATE_LIMIT_VERIFICATION_CONFIRM_PER_IP", "100000/PT1M");

    private final LocalSettings settings;
    private final DatabaseEndpoint database;
    private final KeyMaterial keys;
    private final int smtpPort;
    private final int twilioPort;

    ServiceEnvironment(LocalSettings settings, DatabaseEndpoint database, KeyMaterial keys, int smtpPort,
            int twilioPort) {
        this.settings = settings;
        this.database = database;
        this.keys = keys;
        this.smtpPort = smtpPort;
        this.twilioPort = twilioPort;
    }

    Map<String, String> of(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>(common(service));
        switch (service) {
            case AUTH -> {
                env.put("JWT_KEYS_FILE", keys.jwksFile().toString());
                env.put(KeyMaterial.CLIENT_SECRET_COMPANY_SERVICE, keys.secret(KeyMaterial.CLIENT_SECRET_COMPANY_SERVICE));
                env.put(KeyMaterial.CLIENT_SECRET_APPROVAL_SERVICE,
                        keys.secret(KeyMaterial.CLIENT_SECRET_APPROVAL_SERVICE));
                env.put(KeyMaterial.CLIENT_SECRET_AUTH_SERVICE, keys.secret(KeyMaterial.CLIENT_SECRET_AUTH_SERVICE));
                env.put(KeyMaterial.CLIENT_SECRET_IMPORTER, keys.secret(KeyMaterial.CLIENT_SECRET_IMPORTER));
                // What each client may do: one scope per kind of internal call.
                env.put("CLIENT_SCOPES_COMPANY_SERVICE", COMPANY_SERVICE_SCOPES);
                env.put("CLIENT_SCOPES_APPROVAL_SERVICE", APPROVAL_SERVICE_SCOPES);
                env.put("CLIENT_SCOPES_AUTH_SERVICE", AUTH_SERVICE_SCOPES);
                env.put("OTP_SERVICE_URL", settings.serviceUrl(ServiceSpec.OTP));
                // Account deletion removes the account's data in these two services too.
                env.put("COMPANY_SERVICE_URL", settings.serviceUrl(ServiceSpec.COMPANY));
                env.put("APPROVAL_SERVICE_URL", settings.serviceUrl(ServiceSpec.APPROVAL));
                env.putAll(clientCredentials(service, KeyMaterial.CLIENT_SECRET_AUTH_SERVICE));
                env.putAll(LOCAL_ADDRESS_LIMITS);
            }
            case OTP -> {
                env.put(KeyMaterial.OTP_HASH_KEY, keys.secret(KeyMaterial.OTP_HASH_KEY));
                env.put("SMTP_HOST", "127.0.0.1");
                env.put("SMTP_PORT", String.valueOf(smtpPort));
                env.put("SMTP_START_TLS", "DISABLED");
                env.put("MAIL_FROM", MAIL_FROM);
                env.put("TWILIO_BASE_URL", "http://127.0.0.1:" + twilioPort);
                env.put(KeyMaterial.TWILIO_ACCOUNT_SID, keys.secret(KeyMaterial.TWILIO_ACCOUNT_SID));
                env.put(KeyMaterial.TWILIO_AUTH_TOKEN, keys.secret(KeyMaterial.TWILIO_AUTH_TOKEN));
                env.put("SMS_FROM", SMS_FROM);
            }
            case COMPANY -> {
                env.put("OTP_SERVICE_URL", settings.serviceUrl(ServiceSpec.OTP));
                env.putAll(clientCredentials(service, KeyMaterial.CLIENT_SECRET_COMPANY_SERVICE));
            }
            case APPROVAL -> {
                env.put("COMPANY_SERVICE_URL", settings.serviceUrl(ServiceSpec.COMPANY));
                env.putAll(clientCredentials(service, KeyMaterial.CLIENT_SECRET_APPROVAL_SERVICE));
            }
            case CONSOLE -> {
                // The console calls the public API of these three, as a browser's backend.
                env.put("COMPANY_SERVICE_URL", settings.serviceUrl(ServiceSpec.COMPANY));
                env.put("APPROVAL_SERVICE_URL", settings.serviceUrl(ServiceSpec.APPROVAL));
                // The local gateway speaks plain HTTP, where a browser drops Secure cookies.
                env.put("CONSOLE_SECURE_COOKIE", "false");
            }
        }
        return env;
    }

    private Map<String, String> common(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.port(service)));
        env.put("DB_HOST", database.host());
        env.put("DB_PORT", String.valueOf(database.port()));
        env.put("DB_NAME", service.databaseName());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("DB_MIGRATE_AT_START", "true");
        env.put("PUBLIC_BASE_URL", settings.gatewayUrl());
        env.put("AUTH_SERVICE_URL", settings.serviceUrl(ServiceSpec.AUTH));
        env.put("JWKS_URL", settings.serviceUrl(ServiceSpec.AUTH) + "/.well-known/jwks.json");
        // Tracing and JSON logs are production's defaults; locally they stay off unless asked for.
        env.put("OTEL_SDK_DISABLED", String.valueOf(settings.otlpEndpoint().isEmpty()));
        settings.otlpEndpoint().ifPresent(endpoint -> env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint));
        env.put("LOG_JSON", String.valueOf(settings.jsonLogs()));
        // Developers trying Gatehouse read each API at http://127.0.0.1:<service port>/q/swagger-ui.
        env.put("SWAGGER_UI_ENABLED", "true");
        // glibc gives every thread that mallocs its own 64 MiB arena (up to 8 per core); two keep the JVM's native
        // allocations from spreading over many half-used arenas, which shows as tens of MiB of RSS.
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** Each caller authenticates to POST /auth/token as its own Service name. */
    private Map<String, String> clientCredentials(ServiceSpec caller, String secretName) {
        return Map.of("SERVICE_CLIENT_ID", caller.serviceName(), "SERVICE_CLIENT_SECRET", keys.secret(secretName));
    }
}
