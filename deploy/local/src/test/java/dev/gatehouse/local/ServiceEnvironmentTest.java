package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names and values of deploy/CONFIGURATION.md, as each service receives them. */
class ServiceEnvironmentTest {

    @Test
    void fillsTheConfigurationContract(@TempDir Path root) throws Exception {
        LocalSettings settings = LocalSettings.from(root, Map.of(
                "GATEHOUSE_GATEWAY_PORT", "18080",
                "GATEHOUSE_AUTH_PORT", "18081",
                "GATEHOUSE_COMPANY_PORT", "18083")::get);
        KeyMaterial keys = KeyMaterial.loadOrCreate(root.resolve("keys"));
        DatabaseEndpoint database = new DatabaseEndpoint("127.0.0.1", 15432, "postgres", "secret");
        ServiceEnvironment environment = new ServiceEnvironment(settings, database, keys, 2525, 3535);

        Map<String, String> auth = environment.of(ServiceSpec.AUTH);
        assertEquals("18081", auth.get("QUARKUS_HTTP_PORT"));
        assertEquals("127.0.0.1", auth.get("QUARKUS_HTTP_HOST"));
        assertEquals("auth", auth.get("DB_NAME"));
        assertEquals("true", auth.get("DB_MIGRATE_AT_START"));
        assertEquals(keys.jwksFile().toString(), auth.get("JWT_KEYS_FILE"));
        assertEquals("http://127.0.0.1:18080", auth.get("PUBLIC_BASE_URL"));
        assertEquals("http://127.0.0.1:8082", auth.get("OTP_SERVICE_URL"));
        // All local callers share 127.0.0.1: the per-address limits are out of the way, the others stay.
        assertEquals("100000/PT1M", auth.get("RATE_LIMIT_LOGIN_PER_IP"));
        assertEquals("100000/PT1M", auth.get("RATE_LIMIT_REGISTER_PER_IP"));
        assertFalse(auth.containsKey("RATE_LIMIT_LOGIN_PER_ACCOUNT"));
        assertEquals("2", auth.get("MALLOC_ARENA_MAX"));

        Map<String, String> otp = environment.of(ServiceSpec.OTP);
        assertEquals("8082", otp.get("QUARKUS_HTTP_PORT"));
        assertEquals("otp", otp.get("DB_NAME"));
        assertEquals("2525", otp.get("SMTP_PORT"));
        assertEquals("DISABLED", otp.get("SMTP_START_TLS"));
        assertEquals("no-reply@gatehouse.local", otp.get("MAIL_FROM"));
        assertEquals("http://127.0.0.1:3535", otp.get("TWILIO_BASE_URL"));
        assertEquals(keys.secret(KeyMaterial.TWILIO_ACCOUNT_SID), otp.get("TWILIO_ACCOUNT_SID"));
        assertEquals("http://127.0.0.1:18081/.well-known/jwks.json", otp.get("JWKS_URL"));
        assertFalse(otp.get("OTP_HASH_KEY").isBlank());

        Map<String, String> company = environment.of(ServiceSpec.COMPANY);
        assertEquals("18083", company.get("QUARKUS_HTTP_PORT"));
        assertEquals("company-service", company.get("SERVICE_CLIENT_ID"));
        assertEquals(auth.get("CLIENT_SECRET_COMPANY_SERVICE"), company.get("SERVICE_CLIENT_SECRET"));
        assertEquals("http://127.0.0.1:18081", company.get("AUTH_SERVICE_URL"));

        Map<String, String> approval = environment.of(ServiceSpec.APPROVAL);
        assertEquals("approval-service", approval.get("SERVICE_CLIENT_ID"));
        assertEquals(auth.get("CLIENT_SECRET_APPROVAL_SERVICE"), approval.get("SERVICE_CLIENT_SECRET"));
        assertEquals("http://127.0.0.1:18083", approval.get("COMPANY_SERVICE_URL"));
        assertEquals("secret", approval.get("DB_PASSWORD"));

        assertEquals("otp:send,otp:verify,revocations:read", auth.get("CLIENT_SCOPES_COMPANY_SERVICE"));
        assertEquals("members:read,members:write,revocations:read,contacts:read", auth.get("CLIENT_SCOPES_APPROVAL_SERVICE"));
        assertEquals("otp:send,otp:verify,messages:send,user-data:delete", auth.get("CLIENT_SCOPES_AUTH_SERVICE"));
        for (Map<String, String> service : java.util.List.of(auth, otp, company, approval)) {
            assertEquals("true", service.get("OTEL_SDK_DISABLED"));
            assertEquals("false", service.get("LOG_JSON"));
            assertFalse(service.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
    }

    @Test
    void tracesAndLogsJsonOnlyWhenAsked(@TempDir Path root) throws Exception {
        LocalSettings settings = LocalSettings.from(root, Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317",
                "GATEHOUSE_JSON_LOGS", "true")::get);
        KeyMaterial keys = KeyMaterial.loadOrCreate(root.resolve("keys"));
        DatabaseEndpoint database = new DatabaseEndpoint("127.0.0.1", 15432, "postgres", "secret");
        Map<String, String> company = new ServiceEnvironment(settings, database, keys, 2525, 3535)
                .of(ServiceSpec.COMPANY);
        assertEquals("false", company.get("OTEL_SDK_DISABLED"));
        assertEquals("http://127.0.0.1:4317", company.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertEquals("true", company.get("LOG_JSON"));
    }

    @Test
    void usesTheLibpqVariablesForAnExternalServer(@TempDir Path root) {
        LocalSettings settings = LocalSettings.from(root, Map.of(
                "PGHOST", "db.internal", "PGPORT", "6432", "PGUSER", "gatehouse", "PGPASSWORD", "pw",
                "GATEHOUSE_STATE_DIR", "target/state")::get);
        assertEquals(new DatabaseEndpoint("db.internal", 6432, "gatehouse", "pw"), settings.externalDatabase().get());
        assertEquals(root.resolve("target/state"), settings.stateDirectory());
    }
}
