package dev.gatehouse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the numbers came from: the machine, the JVMs and their options, the commit, and how busy the machine was.
 * Only what explains a number is kept; no paths of this machine.
 */
record Environment(
        int cpus,
        String cpuModel,
        long memoryTotalMiB,
        String os,
        String servicesJava,
        Map<String, List<String>> serviceJvmOptions,
        List<String> launcherJvmOptions,
        String loadGeneratorJava,
        List<String> loadGeneratorJvmOptions,
        String gitCommit,
        boolean gitUncommittedChanges,
        String loadAverageBefore,
        String loadAverageAfter) {

    static Environment collect(BenchOptions options, MemorySampler processes, String loadAverageBefore) {
        Map<String, List<String>> serviceOptions = new LinkedHashMap<>();
        String servicesJava = "unknown";
        for (Map.Entry<String, Long> service : processes.servicePids().entrySet()) {
            List<String> arguments = ProcFs.arguments(service.getValue());
            serviceOptions.put(service.getKey(), jvmOptions(arguments));
            if (!arguments.isEmpty()) {
                servicesJava = javaRelease(Path.of(arguments.get(0)));
            }
        }
        return new Environment(
                Runtime.getRuntime().availableProcessors(),
                ProcFs.cpuModel(),
                ProcFs.meminfoKiB("MemTotal").orElse(0) / 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                servicesJava,
                serviceOptions,
                jvmOptions(ProcFs.arguments(processes.launcherPid())),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(Environment::isVmOption)
                        .toList(),
                options.gitCommit(),
                options.gitDirty(),
                loadAverageBefore,
                ProcFs.loadAverage());
    }

    /** The -X options of a java command line (heap, collector, compiler), which are what change the numbers. */
    static List<String> jvmOptions(List<String> arguments) {
        return arguments.stream().skip(1).takeWhile(argument -> !argument.equals("-jar"))
                .filter(Environment::isVmOption).toList();
    }

    private static boolean isVmOption(String argument) {
        return argument.startsWith("-X");
    }

    /** The JDK's release file next to bin/java names its version and vendor exactly. */
    private static String javaRelease(Path javaExecutable) {
        Path release = javaExecutable.getParent() == null || javaExecutable.getParent().getParent() == null
                ? null
                : javaExecutable.getParent().getParent().resolve("release");
        try {
            if (release == null || !Files.isRegularFile(release)) {
                return "unknown";
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(release)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals), line.substring(equals + 1).replace("\"", ""));
                }
            }
            return fields.getOrDefault("IMPLEMENTOR", "") + " " + fields.getOrDefault("JAVA_RUNTIME_VERSION",
                    fields.getOrDefault("JAVA_VERSION", "unknown"));
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
