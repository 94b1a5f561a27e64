package dev.gatehouse.common.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Calls to other services answer on whatever thread finished them: the service-token fetch, a fault-tolerance
 * timeout and a retry's back-off all complete elsewhere. Hibernate Reactive (auth-service) expects its session to be
 * used from the Vert.x context that opened it, so a caller gets the result back on its own context.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** {@code call}, its item or failure delivered on the context that subscribed (as is, outside any context). */
    public static <T> Uni<T> backOn(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return call;
            }
            return call.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }
}
