package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits for what deploy/local/run waits for before it says it is ready: the gateway answering, and every service
 * answering 200 on /q/health/ready (its database is reachable, its migrations ran).
 */
final class Readiness {

    /** A first start unpacks PostgreSQL, runs initdb and every service's migrations on a small machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private Readiness() {
    }

    static Duration await(BenchOptions options) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> urls = new ArrayList<>();
        // The dev inbox is served by the gateway itself: a 200 means the gateway listens.
        urls.add("http://127.0.0.1:" + options.port("gateway") + "/dev/inbox?to=ready%40example.com");
        for (String service : BenchOptions.SERVICES) {
            urls.add("http://127.0.0.1:" + options.port(service) + "/q/health/ready");
        }
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        while (!urls.stream().allMatch(url -> answersOk(client, url))) {
            if (!ProcessHandle.of(options.launcherPid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("deploy/local/run exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deploy/local/run not ready after " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - started);
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
