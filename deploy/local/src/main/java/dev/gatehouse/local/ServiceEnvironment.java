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
                env.put("OTP_SERVICE_URL", settings.serviceUrl(ServiceSpec.OTP));
                // Account deletion removes the account's data in these two services too.
                env.put("COMPANY_SERVICE_URL", settings.serviceUrl(ServiceSpec.COMPANY));
                env.put("APPROVAL_SERVICE_URL", settings.serviceUrl(ServiceSpec.APPROVAL));
                env.putAll(clientCredentials(service, KeyMaterial.CLIENT_SECRET_AUTH_SERVICE));
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
