package dev.gatehouse.common.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;

/**
 * Refuses, before any work starts, a call whose caller's {@link Deadline} has passed: nobody waits for its answer,
 * and doing it anyway would apply what the caller already reported as failed (send a message nobody will match to a
 * challenge, spend a code whose confirmation was answered 503). Calls without the header are untouched.
 */
@Singleton
public class DeadlineFilter {

    private static final Logger LOG = Logger.getLogger(DeadlineFilter.class);
    /** The caller is gone; the problem is for whoever looks at the exchange (and for a caller with a slow clock). */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Clock clock = Clock.systemUTC();

    @ServerRequestFilter(preMatching = true)
    public void refuseWhenPast(ContainerRequestContext request) {
        Deadline.parse(request.getHeaderString(Deadline.HEADER)).ifPresent(deadline -> {
            Instant now = clock.instant();
            if (now.isAfter(deadline)) {
                LOG.infof("%s %s arrived %d ms after its caller's deadline; not started", request.getMethod(),
                        request.getUriInfo().getPath(), Duration.between(deadline, now).toMillis());
                throw new ApiException(Problem.of(503, "deadline_exceeded", "Service Unavailable",
                        "The caller's deadline passed before this call could start; nothing was done."), RETRY_AFTER);
            }
        });
    }
}
