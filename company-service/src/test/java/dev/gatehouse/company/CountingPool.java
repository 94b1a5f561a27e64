package dev.gatehouse.company;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * The service's pool, with a record of how it was used: every statement sent on the pool itself, and every time a
 * connection or transaction was taken from it (which sends at least one more). Selected by the test profiles that
 * hold a request to a number of round trips.
 */
@Alternative
@Singleton
public class CountingPool {

    /** What the pool was asked for since {@link #clear()}: the SQL of each statement, or the method that took a connection. */
    private final List<String> uses = new CopyOnWriteArrayList<>();

    private static final Set<String> STATEMENTS = Set.of("query", "preparedQuery");
    private static final Set<String> CONNECTIONS = Set.of("getConnection", "withConnection", "withTransaction");

    @Produces
    @Alternative
    @Singleton
    Pool counted(io.vertx.sqlclient.Pool pool) {
        io.vertx.sqlclient.Pool counting = (io.vertx.sqlclient.Pool) Proxy.newProxyInstance(
                io.vertx.sqlclient.Pool.class.getClassLoader(), new Class<?>[] { io.vertx.sqlclient.Pool.class },
                (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        uses.add(String.valueOf(args[0]));
                    } else if (CONNECTIONS.contains(method.getName())) {
                        uses.add(method.getName());
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return Pool.newInstance(counting);
    }

    public void clear() {
        uses.clear();
    }

    public List<String> uses() {
        return List.copyOf(uses);
    }
}
