package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resident memory of what the local run started, read from /proc. The processes are found exactly, never by a
 * name alone: the launcher by the pid bench/run got when it started it, each service among the launcher's own
 * descendants by its quarkus-run.jar, PostgreSQL by the postmaster.pid in this run's own data directory.
 */
final class MemorySampler {

    private static final String LAUNCHER_CLASS = "dev.gatehouse.local.LocalRun";
    static final String LAUNCHER = "launcher (gateway, dev inbox)";
    static final String POSTGRES = "PostgreSQL (all processes)";
    static final String LOAD_GENERATOR = "load generator";

    private final long launcherPid;
    private final Map<String, Long> servicePids;
    private final Long postmasterPid;

    private MemorySampler(long launcherPid, Map<String, Long> servicePids, Long postmasterPid) {
        this.launcherPid = launcherPid;
        this.servicePids = servicePids;
        this.postmasterPid = postmasterPid;
    }

    static MemorySampler locate(long launcherPid, Path stateDirectory, List<String> services) {
        if (!ProcFs.arguments(launcherPid).contains(LAUNCHER_CLASS)) {
            throw new IllegalStateException("pid " + launcherPid + " is not the local run's launcher");
        }
        ProcessHandle launcher = ProcessHandle.of(launcherPid)
                .orElseThrow(() -> new IllegalStateException("The local run (pid " + launcherPid + ") is gone"));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : services) {
            String jar = "/" + service + "/target/quarkus-app/quarkus-run.jar";
            List<Long> matches = launcher.descendants().map(ProcessHandle::pid)
                    .filter(pid -> ProcFs.arguments(pid).stream().anyMatch(argument -> argument.endsWith(jar)))
                    .toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("Expected one " + service + " under the local run (pid "
                        + launcherPid + "), found " + matches);
            }
            pids.put(service, matches.get(0));
        }
        return new MemorySampler(launcherPid, pids, postmaster(stateDirectory.resolve("pg")));
    }

    Map<String, Long> servicePids() {
        return servicePids;
    }

    long launcherPid() {
        return launcherPid;
    }

    MemorySnapshot sample(String label) {
        List<ProcessMemory> processes = new ArrayList<>();
        processes().forEach((name, pids) -> processes.add(ProcessMemory.of(name, pids)));
        return new MemorySnapshot(label, Instant.now().toString(), processes);
    }

    /** CPU milliseconds used so far, per process (PostgreSQL: all its processes together), in the memory order. */
    Map<String, Long> cpuMillis() {
        Map<String, Long> used = new LinkedHashMap<>();
        processes().forEach((name, pids) -> used.put(name,
                pids.stream().mapToLong(pid -> ProcFs.cpuMillis(pid).orElse(0)).sum()));
        return used;
    }

    private Map<String, List<Long>> processes() {
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        processes.put(LAUNCHER, List.of(launcherPid));
        servicePids.forEach((service, pid) -> processes.put(service, List.of(pid)));
        if (postmasterPid != null) {
            // The backends come and go with the services' connection pools, so they are listed at every sample.
            processes.put(POSTGRES, Stream.concat(Stream.of(postmasterPid),
                    ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::children).map(ProcessHandle::pid))
                    .toList());
        }
        processes.put(LOAD_GENERATOR, List.of(ProcessHandle.current().pid()));
        return processes;
    }

    /**
     * The first line of postmaster.pid is the server's pid; it counts only when that process really is a
     * PostgreSQL server of this data directory. Null with an external server (PGHOST), which has no such file.
     */
    private static Long postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            List<String> arguments = ProcFs.arguments(pid);
            boolean isPostgres = !arguments.isEmpty() && arguments.get(0).endsWith("postgres");
            boolean ownsData = arguments.stream().anyMatch(argument -> isSameDirectory(argument, dataDirectory));
            if (isPostgres && ownsData) {
                return pid;
            }
            System.err.println("postmaster.pid names pid " + pid + ", which is not this run's PostgreSQL: "
                    + "PostgreSQL's memory is not reported");
        } catch (IOException | RuntimeException noEmbeddedServer) {
            System.err.println("No embedded PostgreSQL in " + dataDirectory + ": its memory is not reported");
        }
        return null;
    }

    private static boolean isSameDirectory(String argument, Path directory) {
        try {
            return argument.startsWith("/") && Files.isSameFile(Path.of(argument), directory);
        } catch (IOException | RuntimeException notADirectory) {
            return false;
        }
    }

    /**
     * Memory of one process, or of a group summed (PostgreSQL).
     *
     * @param name what the process is
     * @param pids the processes counted
     * @param rssKiB VmRSS: resident now
     * @param peakRssKiB VmHWM: the most it was ever resident
     * @param pssKiB resident with shared pages divided among their users; null when the kernel does not say
     */
    record ProcessMemory(String name, List<Long> pids, long rssKiB, long peakRssKiB, Long pssKiB) {

        static ProcessMemory of(String name, List<Long> pids) {
            long pss = 0;
            boolean pssKnown = true;
            for (long pid : pids) {
                OptionalLong value = ProcFs.pssKiB(pid);
                pssKnown &= value.isPresent();
                pss += value.orElse(0);
            }
            return new ProcessMemory(name, pids, sum(pids, pid -> ProcFs.statusKiB(pid, "VmRSS")),
                    sum(pids, pid -> ProcFs.statusKiB(pid, "VmHWM")), pssKnown ? pss : null);
        }

        /** A process that exited between listing and reading counts as zero. */
        private static long sum(List<Long> pids, Function<Long, OptionalLong> read) {
            return pids.stream().mapToLong(pid -> read.apply(pid).orElse(0)).sum();
        }
    }

    record MemorySnapshot(String label, String at, List<ProcessMemory> processes) {
    }
}
