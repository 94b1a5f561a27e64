package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HashingPoolTest {

    private static final long MIB = 1024 * 1024;
    private static final int OWASP_KIB = 19456;

    @Test
    void theHeapBoundsTheThreadsThatKeepHashMemory() {
        assertEquals(4, HashingPool.threadsFor(4, 1024 * MIB, OWASP_KIB));
        assertEquals(2, HashingPool.threadsFor(4, (104 + 2 * 19) * MIB, OWASP_KIB));
        assertEquals(1, HashingPool.threadsFor(4, 64 * MIB, OWASP_KIB), "never none");
        assertEquals(1, HashingPool.threadsFor(4, 200 * MIB, 64 * 1024), "a raised cost needs a larger heap");
    }

    @Test
    void theJvmImageHeapHoldsOneThreadPerCpuItIsSizedFor() throws Exception {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher options = Pattern.compile("-Xmx(\\d+)m -Xmn(\\d+)m").matcher(dockerfile);
        assertTrue(options.find(), "the image sets -Xmx and -Xmn");
        long oldGeneration = (Long.parseLong(options.group(1)) - Long.parseLong(options.group(2))) * MIB;

        assertEquals(1, HashingPool.threadsFor(1, oldGeneration, OWASP_KIB));
        // The documented rule for more CPUs: 20m more -Xmx per CPU beyond one.
        for (int cpus = 2; cpus <= 8; cpus++) {
            assertEquals(cpus, HashingPool.threadsFor(cpus, oldGeneration + (cpus - 1) * 20 * MIB, OWASP_KIB));
        }
    }

    @Test
    void theLocalRunHeapHoldsOneThreadPerCpu() {
        // deploy/local's ServiceSpec.AUTH: -Xmx 140m + 20m per CPU, -Xmn32m.
        for (int cpus = 1; cpus <= 16; cpus++) {
            long oldGeneration = (140 + 20L * cpus - 32) * MIB;
            assertEquals(cpus, HashingPool.threadsFor(cpus, oldGeneration, OWASP_KIB), cpus + " CPUs");
        }
    }
}
