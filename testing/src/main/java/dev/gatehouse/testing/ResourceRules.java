package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rules every REST resource of a service must keep, checked over the compiled classes of the module under test (so a
 * new resource cannot forget them).
 */
public final class ResourceRules {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String CANCELLABLE = "org.jboss.resteasy.reactive.server.Cancellable";

    private ResourceRules() {
    }

    /**
     * Every class annotated {@code @Path} in the module of {@code anyClassOfTheModule} that is a server resource (a
     * class, not a REST client interface) carries {@code @Cancellable(false)}: Quarkus REST cancels the subscription of
     * a request whose client hangs up, and a cancelled chain stops between its steps: work a request started (an audit
     * event after a password check, a write after a call to another service) would be left half done.
     */
    public static void assertEveryResourceFinishesWhatItStarts(Class<?> anyClassOfTheModule) {
        List<String> offenders = new ArrayList<>();
        List<Class<?>> resources = resources(anyClassOfTheModule);
        for (Class<?> resource : resources) {
            if (!notCancellable(resource)) {
                offenders.add(resource.getName());
            }
        }
        if (resources.isEmpty()) {
            throw new AssertionError("No REST resource found next to " + anyClassOfTheModule.getName());
        }
        if (!offenders.isEmpty()) {
            throw new AssertionError("Resources a client's hang-up can cancel: " + offenders);
        }
    }

    private static boolean notCancellable(Class<?> resource) {
        for (Annotation annotation : resource.getAnnotations()) {
            if (annotation.annotationType().getName().equals(CANCELLABLE)) {
                try {
                    Method value = annotation.annotationType().getMethod("value");
                    return !(Boolean) value.invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

    private static List<Class<?>> resources(Class<?> anyClassOfTheModule) {
        Path root;
        try {
            root = Path.of(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, anyClassOfTheModule.getClassLoader());
                boolean resource = !type.isInterface() && Stream.of(type.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().equals(PATH));
                if (resource) {
                    resources.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return resources;
    }
}
