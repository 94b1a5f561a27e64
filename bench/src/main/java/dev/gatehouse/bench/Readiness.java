package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits for what deploy/local/run waits for before it says it is ready: the gateway answering, and every service
 * answering 200 on /q/health/ready (its database is reachable, its migrations ran). It polls often and remembers
 * when each one first answered, which is what a service's start time is measured to.
 */
final class Readiness {

    /** A first start unpacks PostgreSQL, runs initdb and every service's migrations on a small machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    /**
     * @param untilAllReady from the generator's start to everything ready
     * @param readyAt when each service ("gateway" too) first answered 200
     */
    record Ready(Duration untilAllReady, Map<String, Instant> readyAt) {
    }

    private Readiness() {
    }

    static Ready await(BenchOptions options) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> waiting = new LinkedHashMap<>();
        // The dev inbox is served by the gateway itself: a 200 means the gateway listens.
        waiting.put("gateway", "http://127.0.0.1:" + options.port("gateway") + "/dev/inbox?to=ready%40example.com");
        for (String service : BenchOptions.SERVICES) {
            waiting.put(service, "http://127.0.0.1:" + options.port(service) + "/q/health/ready");
        }
        Map<String, Instant> readyAt = new LinkedHashMap<>();
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            waiting.entrySet().removeIf(target -> {
                if (answersOk(client, target.getValue())) {
                    readyAt.put(target.getKey(), Instant.now());
                    return true;
                }
                return false;
            });
            if (waiting.isEmpty()) {
                break;
            }
            if (!ProcessHandle.of(options.launcherPid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("deploy/local/run exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deploy/local/run not ready after " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return new Ready(Duration.ofNanos(System.nanoTime() - started), readyAt);
    }

    private static boolean answersOk(HttpClient client, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
