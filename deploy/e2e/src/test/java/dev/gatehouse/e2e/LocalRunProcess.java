package dev.gatehouse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code deploy/local/run} as a child process, started the way a person starts it, on free ports and with a fresh
 * state directory under target/ so that runs never share data.
 */
final class LocalRunProcess {

    /** Per-IP limits raised for a suite whose every request comes from 127.0.0.1. */
    static final Map<String, String> RAISED_PER_IP_LIMITS = Map.of("SMS_BUDGET_PER_IP", "100000",
            "COMPANY_CREATE_PER_IP", "100000", "COMPANY_VERIFICATION_SEND_PER_IP", "100000",
            "COMPANY_VERIFICATION_CONFIRM_PER_IP", "100000");

    private static final List<String> SERVICES = List.of("auth-service", "otp-service", "company-service",
            "approval-service", "console-service");
    /** A first start unpacks PostgreSQL and runs every service's migrations on a two-core machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Process process;
    private final Path state;
    private final Path log;
    private final int gatewayPort;
    private final Map<String, Integer> ports;

    private LocalRunProcess(Process process, Path state, Path log, Map<String, Integer> ports) {
        this.process = process;
        this.state = state;
        this.log = log;
        this.ports = ports;
        this.gatewayPort = ports.get("GATEHOUSE_GATEWAY_PORT");
    }

    static LocalRunProcess start(Map<String, String> environment) throws IOException {
        Path root = repositoryRoot();
        requireBuilt(root);
        Path workDirectory = root.resolve("deploy/e2e/target/local-run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        Path state = workDirectory.resolve("state");
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("local-run.log");

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String variable : List.of("GATEHOUSE_GATEWAY_PORT", "GATEHOUSE_AUTH_PORT", "GATEHOUSE_OTP_PORT",
                "GATEHOUSE_COMPANY_PORT", "GATEHOUSE_APPROVAL_PORT", "GATEHOUSE_CONSOLE_PORT", "GATEHOUSE_PG_PORT")) {
            ports.put(variable, freePort());
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/local/run").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        ports.forEach((variable, port) -> builder.environment().put(variable, String.valueOf(port)));
        builder.environment().put("GATEHOUSE_STATE_DIR", state.toString());
        // Every request of the suite comes through the gateway from 127.0.0.1: per-IP limits sized for one person
        // would stop the suite itself. Per-account and the other limits keep their production defaults.
        builder.environment().putAll(RAISED_PER_IP_LIMITS);
        builder.environment().putAll(environment);
        LocalRunProcess run = new LocalRunProcess(builder.start(), state, log, ports);
        // A test JVM that dies early must not leave four services and PostgreSQL behind.
        Runtime.getRuntime().addShutdownHook(new Thread(run.process::destroy));
        return run;
    }

    int gatewayPort() {
        return gatewayPort;
    }

    /** The embedded PostgreSQL's port (user and password {@code postgres}, trusted from 127.0.0.1). */
    int databasePort() {
        return ports.get("GATEHOUSE_PG_PORT");
    }

    /** The run's state directory: its keys and secrets, PostgreSQL's data, the logs. */
    Path state() {
        return state;
    }

    /** Each service's own port, by service name, for checks that bypass the gateway. */
    Map<String, Integer> servicePorts() {
        Map<String, Integer> byService = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String variable = "GATEHOUSE_" + service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
            byService.put(service, ports.get(variable));
        }
        return byService;
    }

    /** Freezes a service's process (SIGSTOP): it keeps its connections and ports but answers nothing. */
    void pause(String service) throws IOException, InterruptedException {
        signal("STOP", service);
    }

    /** Lets a paused service run again (SIGCONT), without a restart. */
    void resume(String service) throws IOException, InterruptedException {
        signal("CONT", service);
    }

    private void signal(String signal, String service) throws IOException, InterruptedException {
        signal(signal, servicePid(service), service);
    }

    private static void signal(String signal, long pid, String what) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed for " + what);
        }
    }

    /**
     * Freezes every PostgreSQL process of the run (SIGSTOP): the postmaster first, so that it forks no new backend,
     * then each backend. Connections stay open; statements simply get no answer. Answers the processes frozen.
     */
    List<Long> pauseDatabase() throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(state.resolve("pg/postmaster.pid")).get(0).trim());
        List<Long> frozen = new java.util.ArrayList<>();
        signal("STOP", postmaster, "postgresql");
        frozen.add(postmaster);
        for (long backend : ProcessHandle.of(postmaster).map(ProcessHandle::descendants).orElseGet(Stream::empty)
                .map(ProcessHandle::pid).toList()) {
            signal("STOP", backend, "postgresql");
            frozen.add(backend);
        }
        return frozen;
    }

    /** Lets frozen PostgreSQL processes run again (SIGCONT), the backends before their postmaster. */
    void resumeDatabase(List<Long> frozen) throws IOException, InterruptedException {
        for (int i = frozen.size() - 1; i >= 0; i--) {
            long pid = frozen.get(i);
            if (ProcessHandle.of(pid).isPresent()) {
                signal("CONT", pid, "postgresql");
            }
        }
    }

    /** The JVM of a service: the local run's descendant that runs the service's packaged jar. */
    private long servicePid(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        return process.descendants().filter(child -> commandLine(child).contains(jar)).findFirst()
                .map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no process of " + service + " under the local run"));
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return handle.info().commandLine().orElse("");
        }
    }

    /** Waits for what the local run waits for too: the gateway and every service's readiness. */
    void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!isReady(client)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("deploy/local/run exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deploy/local/run not ready after " + READY_TIMEOUT + ":\n"
                        + logTail());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** SIGTERM, as Ctrl-C or a process manager sends; true when the local run exited within the grace. */
    boolean stop(Duration grace) throws InterruptedException {
        process.destroy();
        return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** PostgreSQL's data is tens of megabytes per run; the logs stay for whoever wants to read them. */
    void deleteDatabase() throws IOException {
        Path data = state.resolve("pg");
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Ports still accepting connections after the stop: a service or PostgreSQL left running. */
    List<String> portsStillListening() {
        return ports.entrySet().stream().filter(port -> isListening(port.getValue()))
                .map(port -> port.getKey() + "=" + port.getValue()).toList();
    }

    /** The lines of the services' logs that report an error, from every log of this run. */
    List<String> serviceErrors() throws IOException {
        Path logs = state.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<String> errors = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(" ERROR ")) {
                        errors.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        return errors;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isReady(HttpClient client) throws InterruptedException {
        if (status(client, "http://127.0.0.1:" + gatewayPort + "/dev/inbox?to=ready%40example.com") != 200) {
            return false;
        }
        for (String service : SERVICES) {
            String variable = "GATEHOUSE_" + service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
            if (status(client, "http://127.0.0.1:" + ports.get(variable) + "/q/health/ready") != 200) {
                return false;
            }
        }
        return true;
    }

    private static int status(HttpClient client, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Path repositoryRoot() {
        String root = System.getProperty("gatehouse.root");
        if (root == null) {
            throw new IllegalStateException("System property gatehouse.root is not set (the e2e pom sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The script would build what is missing, but a build inside the build's own test phase is not wanted. */
    private static void requireBuilt(Path root) {
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services before the e2e tests");
            }
        }
        if (!Files.isDirectory(root.resolve("deploy/local/target/lib"))) {
            throw new IllegalStateException("deploy/local is not packaged: package it before the e2e tests");
        }
    }

    /**
     * A port free now, below the kernel's range of ephemeral ports: a port from that range can be taken, between
     * this check and the service's bind, by any outgoing connection (the services' own, to PostgreSQL or each
     * other), and the service then fails to start.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("No free port between 20000 and 32000");
    }
}
