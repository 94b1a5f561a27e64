package dev.gatehouse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * Runs a test class against a real {@code deploy/local/run}: started before the class, REST-assured pointed at its
 * gateway, and stopped with SIGTERM afterwards, which must end it and everything it started within 30 seconds.
 */
public final class LocalRunExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(LocalRunExtension.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static volatile LocalRunProcess current;

    /** The local run of the test class now running, for tests that act on its processes. */
    static LocalRunProcess current() {
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        LocalRunEnvironment extra = context.getRequiredTestClass().getAnnotation(LocalRunEnvironment.class);
        for (String variable : extra == null ? new String[0] : extra.value()) {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        LocalRunProcess run = LocalRunProcess.start(environment);
        context.getStore(NAMESPACE).put(LocalRunProcess.class, run);
        current = run;
        try {
            run.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            run.kill();
            throw e;
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = run.gatewayPort();
        run.servicePorts().forEach((service, port) -> System.setProperty(servicePortProperty(service), port.toString()));
    }

    /** The system property a test reads a service's own port from. */
    static String servicePortProperty(String service) {
        return "gatehouse.e2e." + service + ".port";
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        LocalRunProcess run = context.getStore(NAMESPACE).remove(LocalRunProcess.class, LocalRunProcess.class);
        if (run == null) {
            return;
        }
        current = null;
        boolean exited = run.stop(STOP_GRACE);
        if (!exited) {
            run.kill();
        }
        assertTrue(exited, "deploy/local/run did not exit within " + STOP_GRACE + " of SIGTERM:\n" + run.logTail());
        assertEquals(List.of(), run.portsStillListening(), "still listening after the stop:\n" + run.logTail());
        run.deleteDatabase();
    }
}
