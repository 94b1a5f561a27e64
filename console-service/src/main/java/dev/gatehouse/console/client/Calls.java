package dev.gatehouse.console.client;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

/** Every remote call ends either with an answer or with a {@link ServiceProblem}, never another exception. */
final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);

    private Calls() {
    }

    static <T> T guard(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceProblem problem) {
            throw problem;
        } catch (WebApplicationException unexpected) {
            throw ProblemReader.read(unexpected.getResponse());
        } catch (ProcessingException unreachable) {
            if (unreachable.getCause() instanceof ServiceProblem problem) {
                throw problem;
            }
            LOG.warnf("%s is unreachable: %s", service, unreachable.getMessage());
            throw ServiceProblem.unavailable(service + " is unreachable");
        }
    }

    static void run(String service, Runnable call) {
        guard(service, () -> {
            call.run();
            return null;
        });
    }

    static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }
}
