package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long each service took to start. The local run starts the services only once PostgreSQL is up and their
 * databases exist, so the time from the JVM's start to its first 200 on /q/health/ready is a start "after the
 * database is up". Quarkus' own "started in" line, from its log, leaves out the JVM's own start and the first health
 * check.
 */
final class StartTimes {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private StartTimes() {
    }

    /**
     * @param jvmToReadySeconds from the process' start (clock-tick precision) to the first ready answer (polled every
     *        50 ms), null when the process start time is unknown
     * @param quarkusStartedSeconds Quarkus' "started in", null when the log does not say
     */
    record StartTime(Double jvmToReadySeconds, Double quarkusStartedSeconds) {
    }

    static Map<String, StartTime> of(Map<String, Long> servicePids, Map<String, Instant> readyAt, Path logDirectory) {
        Map<String, StartTime> times = new LinkedHashMap<>();
        servicePids.forEach((service, pid) -> {
            Double jvmToReady = ProcessHandle.of(pid).flatMap(process -> process.info().startInstant())
                    .filter(start -> readyAt.containsKey(service))
                    .map(start -> Duration.between(start, readyAt.get(service)).toMillis() / 1000.0)
                    .orElse(null);
            times.put(service, new StartTime(jvmToReady, quarkusStartedIn(logDirectory.resolve(service + ".log"))
                    .orElse(null)));
        });
        return times;
    }

    static Optional<Double> quarkusStartedIn(Path log) {
        try {
            Matcher started = STARTED_IN.matcher(Files.readString(log));
            return started.find() ? Optional.of(Double.parseDouble(started.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
