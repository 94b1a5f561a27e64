package dev.gatehouse.common.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Calls to other services answer on whatever thread finished them: the service-token fetch, a fault-tolerance
 * timeout and a retry's back-off all complete elsewhere. A caller gets the result back on its own Vert.x context, so
 * what it does next (a statement on the transaction it holds, its answer) runs where its request runs, one step after
 * the other, never on a thread of the client's.
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
