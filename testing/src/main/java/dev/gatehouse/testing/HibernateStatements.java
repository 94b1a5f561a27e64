package dev.gatehouse.testing;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every statement Hibernate sends to the database while it listens, read from Hibernate's SQL log, lower-cased: what
 * a request costs PostgreSQL, for tests that hold a hot path to a number of round trips. Register it as a field
 * with {@code @RegisterExtension}: it listens during each test; {@link #clear()} after the setup.
 */
public final class HibernateStatements implements BeforeEachCallback, AfterEachCallback {

    private static final Logger HIBERNATE_SQL = Logger.getLogger("org.hibernate.SQL");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Predicate<String> counted;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String sql = String.valueOf(record.getMessage()).strip().toLowerCase(Locale.ROOT);
            if (counted.test(sql)) {
                statements.add(sql);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    /** @param counted which statements are the request's (a scheduled job may send its own meanwhile) */
    public HibernateStatements(Predicate<String> counted) {
        this.counted = counted;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = HIBERNATE_SQL.getLevel();
        capture.setLevel(Level.ALL);
        HIBERNATE_SQL.addHandler(capture);
        HIBERNATE_SQL.setLevel(Level.FINE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HIBERNATE_SQL.removeHandler(capture);
        HIBERNATE_SQL.setLevel(previousLevel);
    }

    /** Forgets what was captured so far: what the setup sent is not the request's. */
    public void clear() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }
}
