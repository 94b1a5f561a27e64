package dev.gatehouse.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service running as {@code java -jar <service>/target/quarkus-app/quarkus-run.jar} in the production profile,
 * configured only through the environment, exactly as in Kubernetes. Its stdout and stderr go to one log file.
 */
final class ServiceProcess {

    private final ServiceSpec service;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(ServiceSpec service, Path moduleDirectory, String javaOptions,
            Map<String, String> environment, Path logFile) throws IOException, StartupException {
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StartupException(jar + " is missing; build it with: deploy/local/run --build");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(Commands.detachedFromTerminal());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                // Quarkus reads .env and config/ from the working directory; the module's own is the safe choice.
                .directory(moduleDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(service, builder.start(), logFile);
    }

    ServiceSpec service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM: Quarkus finishes in-flight requests and closes its pools. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the exit that requestStop asked for, and kills the process when it takes longer than the grace. */
    void awaitStop(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The end of the log, which is where a failed start says why. */
    String logTail(int maxLines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - maxLines),
                    lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
