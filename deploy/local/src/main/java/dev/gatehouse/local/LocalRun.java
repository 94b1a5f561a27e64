package dev.gatehouse.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * {@code deploy/local/run}: PostgreSQL, a dev inbox (SMTP server and SMS provider stub), the four services in their
 * production profile, and a gateway that routes like the Kubernetes one. Stops everything on Ctrl-C or SIGTERM.
 */
public final class LocalRun {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;

    private final LocalSettings settings;
    private final Teardown teardown = new Teardown();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    LocalRun(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        LocalRun run;
        try {
            run = new LocalRun(LocalSettings.fromEnvironment());
        } catch (IllegalArgumentException badSetting) {
            System.err.println(badSetting.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "gatehouse-stop"));
        int exitCode = run.runUntilStopped();
        if (!run.stopping) {
            System.exit(exitCode);
        }
    }

    private int runUntilStopped() {
        try {
            start();
            return awaitUnexpectedExit();
        } catch (StartupException e) {
            if (!stopping) {
                System.err.println(e.getMessage());
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (!stopping) {
                LOG.error("The local run failed to start", e);
            }
            return 1;
        }
    }

    void start() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(settings.logDirectory());
        requireFreePorts();
        RouteTable routes = RouteTable.fromGatewayDirectory(
                settings.repositoryRoot().resolve("deploy/k8s/base/gateway"));
        KeyMaterial keys = KeyMaterial.loadOrCreate(settings.stateDirectory().resolve("keys"));
        DatabaseEndpoint database = startDatabase();
        createDatabases(database);

        SmtpInbox smtp = SmtpInbox.start(0);
        teardown.add("SMTP server", smtp::close);
        Vertx vertx = Vertx.vertx();
        teardown.add("Vert.x", () -> await(vertx.close()));
        TwilioStub twilio = new TwilioStub(keys.secret(KeyMaterial.TWILIO_ACCOUNT_SID),
                keys.secret(KeyMaterial.TWILIO_AUTH_TOKEN));
        int twilioPort = await(twilio.listen(vertx, 0));
        teardown.add("SMS provider stub", () -> await(twilio.close()));

        ServiceEnvironment environment = new ServiceEnvironment(settings, database, keys, smtp.port(), twilioPort);
        teardown.add("services", this::stopServices);
        for (ServiceSpec service : ServiceSpec.values()) {
            startService(service, environment);
        }

        Gateway gateway = new Gateway(vertx, routes, backendPorts(), new DevInbox(List.of(twilio, smtp)));
        await(gateway.listen(settings.gatewayPort()));
        teardown.add("gateway", () -> await(gateway.close()));

        awaitReady();
        printReady(Duration.ofNanos(System.nanoTime() - started), database, smtp.port(), twilioPort);
    }

    void stop() {
        if (!stopping) {
            stopping = true;
            LOG.info("Stopping Gatehouse");
        }
        teardown.runAll();
    }

    private void requireFreePorts() throws StartupException {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("GATEHOUSE_GATEWAY_PORT", settings.gatewayPort());
        for (ServiceSpec service : ServiceSpec.values()) {
            wanted.put(service.portVariable(), settings.port(service));
        }
        if (settings.externalDatabase().isEmpty()) {
            wanted.put("GATEHOUSE_PG_PORT", settings.embeddedDatabasePort());
        }
        for (Map.Entry<String, Integer> port : wanted.entrySet()) {
            if (!Ports.isFree(port.getValue())) {
                throw new StartupException("Port " + port.getValue() + " (" + port.getKey() + ") is in use. "
                        + "Is another local run still up? Stop it, or choose another port with " + port.getKey()
                        + ".");
            }
        }
    }

    private DatabaseEndpoint startDatabase() throws StartupException {
        if (settings.externalDatabase().isPresent()) {
            LOG.info("Using PostgreSQL at {}", settings.externalDatabase().get());
            return settings.externalDatabase().get();
        }
        Path data = settings.stateDirectory().resolve("pg");
        Path log = settings.logDirectory().resolve("postgres.log");
        LOG.info("Starting embedded PostgreSQL on 127.0.0.1:{} (data in {})", settings.embeddedDatabasePort(),
                display(data));
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(data, settings.embeddedDatabasePort(), log);
            teardown.add("PostgreSQL", embedded::close);
            return embedded.endpoint();
        } catch (Exception e) {
            throw new StartupException("PostgreSQL did not start: " + e.getMessage() + System.lineSeparator()
                    + "See " + display(log) + ", or set PGHOST (and PGPORT, PGUSER, PGPASSWORD) to use your own "
                    + "server.", e);
        }
    }

    private static void createDatabases(DatabaseEndpoint database) throws StartupException {
        List<String> names = Arrays.stream(ServiceSpec.values()).map(ServiceSpec::databaseName).toList();
        try {
            database.createMissingDatabases(names);
        } catch (SQLException e) {
            throw new StartupException("Cannot create the databases " + names + " on " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private void startService(ServiceSpec service, ServiceEnvironment environment) throws Exception {
        Path log = settings.logDirectory().resolve(service.serviceName() + ".log");
        ServiceProcess process = ServiceProcess.start(service,
                settings.repositoryRoot().resolve(service.serviceName()), settings.javaOptions(service),
                environment.of(service), log);
        services.add(process);
        if (stopping) {
            // The teardown already ran while this one was starting; stop it here instead.
            stopServices();
        }
        LOG.info("Started {} (pid {}) on port {}", service.serviceName(), process.pid(), settings.port(service));
    }

    private void stopServices() throws InterruptedException {
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : services) {
            service.awaitStop(SERVICE_STOP_GRACE);
        }
    }

    private Map<String, Integer> backendPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            ports.put(service.serviceName(), settings.port(service));
        }
        return ports;
    }

    private void awaitReady() throws StartupException, InterruptedException {
        ReadinessProbe probe = new ReadinessProbe();
        Map<ServiceSpec, ServiceProcess> waiting = new EnumMap<>(ServiceSpec.class);
        services.forEach(process -> waiting.put(process.service(), process));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.readyTimeoutSeconds());
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting.values())) {
                if (!process.isAlive()) {
                    throw new StartupException(died(process));
                }
                if (probe.isReady(settings.port(process.service()))) {
                    LOG.info("{} is ready", process.service().serviceName());
                    waiting.remove(process.service());
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                throw new StartupException("Not ready after " + settings.readyTimeoutSeconds() + " s: "
                        + waiting.keySet().stream().map(ServiceSpec::serviceName).toList()
                        + ". See the logs in " + display(settings.logDirectory()));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Blocks until a service dies on its own; a local run with a dead service is broken, so it ends. */
    private int awaitUnexpectedExit() throws Exception {
        CompletableFuture<?>[] exits = services.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).get();
        if (stopping) {
            return 0;
        }
        for (ServiceProcess process : services) {
            if (!process.isAlive()) {
                System.err.println(died(process));
            }
        }
        return 1;
    }

    private String died(ServiceProcess process) {
        return process.service().serviceName() + " exited with code " + process.exitCode() + ". The end of "
                + display(process.logFile()) + ":" + System.lineSeparator() + process.logTail(LOG_TAIL_LINES);
    }

    private void printReady(Duration elapsed, DatabaseEndpoint database, int smtpPort, int twilioPort) {
        String gateway = settings.gatewayUrl();
        StringBuilder banner = new StringBuilder()
                .append(System.lineSeparator())
                .append(String.format("Gatehouse is ready in %.1f s%n%n", elapsed.toMillis() / 1000.0))
                .append(row("Gateway", gateway))
                .append(row("Dev inbox", gateway + DevInboxEndpoint.PATH + "?to=<email or phone number>"))
                .append(row("OpenAPI", gateway + OpenApiEndpoint.PATH + "   (Swagger UI: each service's /q/swagger-ui)"));
        for (ServiceSpec service : ServiceSpec.values()) {
            banner.append(row(service.serviceName(), settings.serviceUrl(service) + "   log: "
                    + display(settings.logDirectory().resolve(service.serviceName() + ".log"))));
        }
        String databaseKind = settings.externalDatabase().isPresent() ? "from PGHOST"
                : "embedded, data in " + display(settings.stateDirectory().resolve("pg"));
        banner.append(row("PostgreSQL", database + "   (" + databaseKind + ")"))
                .append(row("SMTP server", "127.0.0.1:" + smtpPort))
                .append(row("SMS stub", "http://127.0.0.1:" + twilioPort + " (Twilio's Messages API)"))
                .append(System.lineSeparator())
                .append("Press Ctrl-C to stop.")
                .append(System.lineSeparator());
        System.out.print(banner);
        System.out.flush();
    }

    private static String row(String name, String value) {
        return String.format("  %-18s %s%n", name, value);
    }

    private String display(Path path) {
        Path root = settings.repositoryRoot();
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
