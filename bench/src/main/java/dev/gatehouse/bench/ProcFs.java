package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads of Linux's /proc: only reads, so the benchmark can never disturb a process, even one it did not start.
 */
final class ProcFs {

    private static final Path PROC = Path.of("/proc");
    private static final long USER_HZ = 100;

    private ProcFs() {
    }

    /** The process's arguments as it was started, or an empty list when it is gone (or not ours to read). */
    static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            String text = new String(raw, StandardCharsets.UTF_8);
            if (text.endsWith("\0")) {
                text = text.substring(0, text.length() - 1);
            }
            return text.isEmpty() ? List.of() : List.of(text.split("\0", -1));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** A "Name: 123 kB" field of /proc/<pid>/status, such as VmRSS (resident now) or VmHWM (resident at most). */
    static OptionalLong statusKiB(long pid, String field) {
        return kibField(PROC.resolve(Long.toString(pid)).resolve("status"), field);
    }

    /**
     * The proportional set size: resident memory with every shared page divided among the processes that map it.
     * PostgreSQL's backends share its buffers, so their RSS added up counts those many times over; their PSS
     * added up does not.
     */
    static OptionalLong pssKiB(long pid) {
        return kibField(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup"), "Pss");
    }

    /**
     * CPU time the process has used, user and system, in milliseconds: fields 14 and 15 of /proc/<pid>/stat, in
     * clock ticks of USER_HZ (100 per second on Linux, whatever the kernel's own tick rate). Empty when it is gone.
     */
    static OptionalLong cpuMillis(long pid) {
        List<String> lines = lines(PROC.resolve(Long.toString(pid)).resolve("stat"));
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
        String line = lines.get(0);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        try {
            return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / USER_HZ);
        } catch (RuntimeException unexpected) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong meminfoKiB(String field) {
        return kibField(PROC.resolve("meminfo"), field);
    }

    /** The first "model name" of /proc/cpuinfo, or "unknown" (some architectures do not have one). */
    static String cpuModel() {
        return lines(PROC.resolve("cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    /** The 1-, 5- and 15-minute load averages: a busy machine (a build next to the benchmark) shows here. */
    static String loadAverage() {
        List<String> lines = lines(PROC.resolve("loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    private static OptionalLong kibField(Path file, String field) {
        for (String line : lines(file)) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
