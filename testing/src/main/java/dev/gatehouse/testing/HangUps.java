package dev.gatehouse.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

/**
 * Clients that give up in the middle of a request, the way a phone losing signal, a user closing the tab or an
 * Envoy-based gateway resetting its upstream does: each sends a whole request, waits a few milliseconds while the
 * service works on it, then resets the connection (an RST, not a polite FIN).
 * <p>
 * A service survives them when, afterwards, every request it had started has finished or rolled back and given its
 * pooled connection back: {@link #assertNoTransactionLeftOpen} checks PostgreSQL's side, {@link #assertStillServes}
 * the service's.
 */
public final class HangUps {

    /** One request as it goes on the wire. */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        public static Request postJson(String path, String json, Map<String, String> headers) {
            return new Request("POST", path, headers, json);
        }

        byte[] bytes(int port) {
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[start.length + content.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(content, 0, all, start.length, content.length);
            return all;
        }
    }

    private HangUps() {
    }

    /**
     * The errors logged while it is open, by any logger of this JVM (a {@code @QuarkusTest} runs the service in it).
     * A transaction torn apart by a cancellation shows here even when the pool survives it: the pool and the SQL client
     * log what they find on a connection closed mid-transaction, and Mutiny logs the failures it had to drop.
     */
    public static final class LoggedErrors extends java.util.logging.Handler implements AutoCloseable {

        private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

        public static LoggedErrors capture() {
            LoggedErrors handler = new LoggedErrors();
            java.util.logging.Logger.getLogger("").addHandler(handler);
            return handler;
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                Throwable thrown = record.getThrown();
                errors.add(record.getLoggerName() + ": " + record.getMessage()
                        + (thrown == null ? "" : " (" + thrown + ")"));
            }
        }

        public void assertNone() {
            synchronized (errors) {
                if (!errors.isEmpty()) {
                    throw new AssertionError(errors.size() + " error(s) logged, the first: " + errors.get(0));
                }
            }
        }

        /**
         * Waits until at least one error has been logged, for work that logs after its caller has its answer (a call
         * abandoned at a timeout, which ends later), so the line falls inside the test that caused it.
         */
        public void awaitAny(java.time.Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (errors.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("no error logged within " + timeout);
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }
    }

    /**
     * Sends {@code count} requests, {@code parallel} at a time, each reset after a random wait between
     * {@code minWait} and {@code maxWait}. {@code request} makes the i-th request (so each can carry its own data).
     */
    public static void send(int port, int count, int parallel, Duration minWait, Duration maxWait,
            IntFunction<Request> request) {
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = request.apply(i).bytes(port);
            calls.add(() -> {
                hangUp(port, bytes, minWait, maxWait);
                return null;
            });
        }
        runAll(calls, parallel);
    }

    private static void hangUp(int port, byte[] request, Duration minWait, Duration maxWait) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            long wait = ThreadLocalRandom.current().nextLong(minWait.toMillis(), maxWait.toMillis() + 1);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Linger 0: close() sends an RST, as a gateway resetting the upstream stream does.
            socket.setSoLinger(true, 0);
        }
    }

    /**
     * Holds an exclusive lock on {@code tables} until closed, so that requests writing them wait inside their
     * transaction: clients that hang up meanwhile are certain to do so in the middle of one, however fast the work
     * would otherwise be.
     */
    public static AutoCloseable lockTables(DataSource dataSource, String... tables) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("lock table " + String.join(", ", tables) + " in exclusive mode");
            }
            return () -> {
                try (connection) {
                    connection.rollback();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until no connection to this database is left inside a transaction. Requests the hang-ups started may
     * still be finishing; a transaction torn apart by a cancellation never does.
     */
    public static void assertNoTransactionLeftOpen(DataSource dataSource, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int open;
        do {
            open = openTransactions(dataSource);
            if (open == 0) {
                return;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(open + " connection(s) still inside a transaction " + within.toSeconds()
                + " s after the clients hung up");
    }

    private static int openTransactions(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()"
                        + " and state like 'idle in transaction%'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code requests} requests, {@code parallel} at a time, each made by {@code request} and answering its
     * status, and fails unless every one answered {@code expected}. More requests than the service's pool has
     * connections, so a pool that lost connections to the hang-ups shows here as errors or time-outs.
     */
    public static void assertStillServes(int requests, int parallel, int expected, IntFunction<Integer> request) {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int index = i;
            calls.add(() -> request.apply(index));
        }
        List<Integer> statuses = runAll(calls, parallel);
        long wrong = statuses.stream().filter(status -> status != expected).count();
        if (wrong > 0) {
            throw new AssertionError(wrong + " of " + requests + " requests after the hang-ups did not answer "
                    + expected + ": " + statuses);
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> calls, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<T>> futures = pool.invokeAll(calls, 2, TimeUnit.MINUTES);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            throw new AssertionError("a request did not complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
