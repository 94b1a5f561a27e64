package dev.gatehouse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gatehouse.auth.security.Argon2id;

/**
 * The two ceilings the scenarios are read against, measured in the same run on the same machine: how fast one core
 * hashes a password (login cannot beat cores ÷ hash time), and how many small write transactions PostgreSQL commits
 * (pgbench's simple-update: an UPDATE, a SELECT and an INSERT per transaction).
 */
final class Bounds {

    /**
     * auth-service's PasswordHasher parameters (OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane, 32-byte hash,
     * 16-byte salt), hashed by auth-service's own Argon2id into one array reused from hash to hash, as each of its
     * hashing threads does. Bouncy Castle's Argon2, which the bound used before, took 60 ms per hash on a machine
     * where auth-service spent 38 ms of CPU on a whole login: a bound the login beat. The report also gives
     * auth-service's own CPU time per login.
     */
    static final int ARGON2_MEMORY_KIB = 19_456;
    static final int ARGON2_ITERATIONS = 2;
    static final int ARGON2_PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    /** Enough hashes for C2 to compile the hashing loop before the timed ones. */
    private static final int ARGON2_WARMUP_HASHES = 15;
    private static final int ARGON2_TIMED_HASHES = 15;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private Bounds() {
    }

    /**
     * @param hashMillis the median CPU time of the timed hashes, on one thread
     * @param cores the CPUs auth-service's hashing pool is sized to
     * @param loginCeiling cores ÷ hash time, in logins per second
     */
    record Argon2(String parameters, double hashMillis, int cores, double loginCeiling) {
    }

    /**
     * @param transactionsPerSecond null when pgbench was skipped
     * @param note how it was run, or why it was skipped
     */
    record Pgbench(Double transactionsPerSecond, String note) {
    }

    /**
     * Times each hash by the CPU time of the thread that computes it, not by the clock: a hash that waits for a core
     * while other processes run does not count the wait.
     */
    static Argon2 argon2() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SecureRandom random = new SecureRandom();
        byte[] password = "bench password 1".getBytes(StandardCharsets.UTF_8);
        long[] memory = new long[Argon2id.blocks(ARGON2_MEMORY_KIB, ARGON2_PARALLELISM) * Argon2id.BLOCK_WORDS];
        for (int i = 0; i < ARGON2_WARMUP_HASHES; i++) {
            hash(password, random, memory);
        }
        long[] nanos = new long[ARGON2_TIMED_HASHES];
        for (int i = 0; i < nanos.length; i++) {
            long started = threads.getCurrentThreadCpuTime();
            hash(password, random, memory);
            nanos[i] = threads.getCurrentThreadCpuTime() - started;
        }
        Arrays.sort(nanos);
        double millis = nanos[nanos.length / 2] / 1e6;
        int cores = Runtime.getRuntime().availableProcessors();
        return new Argon2("Argon2id m=" + ARGON2_MEMORY_KIB + " KiB, t=" + ARGON2_ITERATIONS + ", p="
                + ARGON2_PARALLELISM, round(millis, 2), cores, round(cores * 1000 / millis, 1));
    }

    private static byte[] hash(byte[] password, SecureRandom random, long[] memory) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Argon2id.hash(password, salt, new byte[0], new byte[0], ARGON2_MEMORY_KIB, ARGON2_ITERATIONS,
                ARGON2_PARALLELISM, HASH_BYTES, memory);
    }

    /**
     * pgbench against the local run's PostgreSQL, in a database of its own (created and dropped here), with the
     * scenarios' concurrency. Skipped, with the reason, when pgbench is not installed or the server is not the
     * embedded one.
     */
    static Pgbench pgbench(int postgresPort, int clients, int seconds, Path workDirectory) {
        if (seconds == 0) {
            return new Pgbench(null, "skipped: --pgbench-seconds 0");
        }
        if (postgresPort == 0) {
            return new Pgbench(null, "skipped: the local run uses an external PostgreSQL (PGHOST)");
        }
        if (!onPath("pgbench") || !onPath("createdb") || !onPath("dropdb")) {
            return new Pgbench(null, "skipped: pgbench is not installed (Debian, Ubuntu: apt-get install "
                    + "postgresql-client)");
        }
        List<String> connection = List.of("-h", "127.0.0.1", "-p", String.valueOf(postgresPort), "-U", "postgres");
        String database = "bench_pgbench";
        try {
            run(workDirectory, command("dropdb", connection, "--if-exists", database));
            run(workDirectory, command("createdb", connection, database));
            run(workDirectory, command("pgbench", connection, "-i", "-q", "-s", "1", database));
            String output = run(workDirectory, command("pgbench", connection, "-b", "simple-update", "-c",
                    String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                    database));
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                return new Pgbench(null, "failed: no tps in pgbench's output: " + output.strip());
            }
            return new Pgbench(round(Double.parseDouble(tps.group(1)), 1), "pgbench -b simple-update (UPDATE, "
                    + "SELECT, INSERT per transaction), scale 1, " + clients + " clients, " + seconds + " s");
        } catch (IOException e) {
            return new Pgbench(null, "failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pgbench(null, "interrupted");
        } finally {
            try {
                run(workDirectory, command("dropdb", connection, "--if-exists", database));
            } catch (IOException | InterruptedException ignored) {
                // The run's database is deleted with the local run's state anyway.
            }
        }
    }

    private static List<String> command(String program, List<String> connection, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(connection);
        command.addAll(List.of(arguments));
        return command;
    }

    private static String run(Path workDirectory, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true);
        // The embedded server trusts local connections; a password from the caller's environment must not leak in.
        Map<String, String> env = builder.environment();
        env.remove("PGPASSWORD");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + output.strip());
        }
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> Path.of(directory, program).toFile().canExecute());
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
