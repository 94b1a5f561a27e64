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
