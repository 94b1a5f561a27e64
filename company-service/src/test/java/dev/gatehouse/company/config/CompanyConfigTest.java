package dev.gatehouse.company.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** A limit of zero would refuse every request it counts: company-service refuses to start with one instead. */
class CompanyConfigTest {

    @Test
    void aLimitBelowOneStopsTheStartAndIsNamed() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, () -> mapping(Map.of(
                "gatehouse.company.rate-limit.create-per-ip", "0",
                "gatehouse.company.rate-limit.verification-confirm-per-account", "-5")));

        assertTrue(refused.getMessage().contains("gatehouse.company.rate-limit.create-per-ip"), refused.getMessage());
        assertTrue(refused.getMessage().contains("gatehouse.company.rate-limit.verification-confirm-per-account"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("must be at least 1"), refused.getMessage());
    }

    @Test
    void theDefaultsAreAccepted() {
        assertEquals(20, mapping(Map.of()).rateLimit().createPerIp());
        assertEquals(1, mapping(Map.of("gatehouse.company.rate-limit.create-per-ip", "1")).rateLimit().createPerIp());
    }

    private static CompanyConfig mapping(Map<String, String> properties) {
        return ConfigMappings.load(CompanyConfig.class, properties);
    }
}
