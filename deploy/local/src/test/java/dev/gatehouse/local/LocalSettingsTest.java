package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {

    @Test
    void eachServiceGetsItsOwnHeapAndKeepsC2(@TempDir Path root) {
        LocalSettings settings = LocalSettings.from(root, Map.<String, String> of()::get);
        for (ServiceSpec service : ServiceSpec.values()) {
            List<String> options = Arrays.asList(settings.javaOptions(service).split(" "));
            assertTrue(options.contains("-Xmx" + service.maxHeapMiB(Runtime.getRuntime().availableProcessors()) + "m"),
                    options.toString());
            assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
            assertTrue(options.contains("-XX:-ShrinkHeapInSteps"), options.toString());
            assertTrue(options.contains("-Dquarkus.vertx.event-loops-pool-size="
                    + Runtime.getRuntime().availableProcessors()), options.toString());
            assertFalse(options.stream().anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel")),
                    "C1 alone makes Argon2id three times costlier: " + options);
        }
        assertTrue(ServiceSpec.AUTH.maxHeapMiB(1) > ServiceSpec.OTP.maxHeapMiB(1), "Argon2id needs the larger heap");
        assertEquals(ServiceSpec.AUTH.maxHeapMiB(4) - 2 * 20, ServiceSpec.AUTH.maxHeapMiB(2),
                "every hashing thread keeps 19 MiB");
        assertTrue(settings.javaOptions(ServiceSpec.AUTH).contains("-Xmn16m"));
        assertFalse(settings.javaOptions(ServiceSpec.OTP).contains("-Xmn"));
    }

    @Test
    void theVariableReplacesEveryServicesOptions(@TempDir Path root) {
        LocalSettings settings = LocalSettings.from(root,
                Map.of("GATEHOUSE_SERVICE_JAVA_OPTS", " -Xmx300m -XX:TieredStopAtLevel=1 ")::get);
        for (ServiceSpec service : ServiceSpec.values()) {
            assertEquals("-Xmx300m -XX:TieredStopAtLevel=1", settings.javaOptions(service));
        }
    }
}
