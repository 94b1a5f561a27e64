package dev.gatehouse.approval.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** A reconciliation that handles no approval per run would leave them APPROVING for good: refused at start. */
class ApprovalConfigTest {

    @Test
    void aBatchSizeBelowOneStopsTheStartAndIsNamed() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> mapping(Map.of("gatehouse.approval.reconciliation.batch-size", "0")));

        assertTrue(refused.getMessage().contains("gatehouse.approval.reconciliation.batch-size"), refused.getMessage());
        assertTrue(refused.getMessage().contains("must be at least 1"), refused.getMessage());
    }

    @Test
    void aBatchSizeThatIsNoNumberIsRefusedToo() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> mapping(Map.of("gatehouse.approval.reconciliation.batch-size", "many")));

        assertTrue(refused.getMessage().contains("must be a whole number"), refused.getMessage());
    }

    @Test
    void theDefaultIsAccepted() {
        assertEquals(50, mapping(Map.of()).reconciliation().batchSize());
    }

    private static ApprovalConfig mapping(Map<String, String> properties) {
        return ConfigMappings.load(ApprovalConfig.class, properties);
    }
}
