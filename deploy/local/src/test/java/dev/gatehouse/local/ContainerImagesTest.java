package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images are built in a container engine, which this build does not have, so what an image build needs is
 * checked here from the files themselves. A build stage sees only what its Dockerfile copies: Maven refuses to load
 * the parent pom when one of its modules' poms is missing, and a service does not compile without the sources of
 * the modules it depends on. A JVM image writes its ahead-of-time cache in a training run that must use the options
 * its entry point uses, or the JVM ignores the cache.
 */
class ContainerImagesTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern OWN_ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern GATEHOUSE_DEPENDENCY = Pattern
            .compile("<groupId>dev\\.gatehouse</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern COPY = Pattern.compile("^COPY (?:--chown=\\S+ )?(\\S+) (\\S+)$", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = { "auth-service/src/main/docker/Dockerfile.jvm", "auth-service/src/main/docker/Dockerfile.native",
            "otp-service/src/main/docker/Dockerfile.jvm", "otp-service/src/main/docker/Dockerfile.native",
            "company-service/src/main/docker/Dockerfile.jvm", "company-service/src/main/docker/Dockerfile.native",
            "approval-service/src/main/docker/Dockerfile.jvm", "approval-service/src/main/docker/Dockerfile.native",
            "console-service/src/main/docker/Dockerfile.jvm", "console-service/src/main/docker/Dockerfile.native" })
    void theBuildStageCopiesEveryModulePomAndTheSourcesTheServiceIsBuiltFrom(String dockerfile) throws IOException {
        Path root = TestPaths.repositoryRoot();
        String service = dockerfile.substring(0, dockerfile.indexOf('/'));
        Set<String> copied = new LinkedHashSet<>();
        Matcher copy = COPY.matcher(buildStage(Files.readString(root.resolve(dockerfile))));
        while (copy.find()) {
            copied.add(copy.group(1));
        }

        List<String> modules = modules(root);
        for (String module : modules) {
            assertTrue(copied.contains(module + "/pom.xml"), dockerfile + " does not copy " + module + "/pom.xml");
        }
        for (String module : modulesBuiltFor(root, modules, service)) {
            assertTrue(copied.contains(module + "/src"), dockerfile + " does not copy " + module + "/src");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "auth-service", "otp-service", "company-service", "approval-service", "console-service" })
    void aJvmImageTrainsItsCacheWithTheOptionsItRunsWith(String service) throws IOException {
        String dockerfile = Files.readString(TestPaths.repositoryRoot().resolve(service + "/src/main/docker/Dockerfile.jvm"))
                .replace("\\\n", " ");
        assertTrue(buildStage(dockerfile).contains("-Dquarkus.package.jar.type=aot-jar"),
                "the cache holds only classes of the JVM's own class loader, which the aot-jar packaging uses");

        Matcher training = Pattern.compile("^RUN train-aot-cache (\\S+) (.+)$", Pattern.MULTILINE).matcher(dockerfile);
        assertTrue(training.find(), "the runtime stage trains the cache");
        Matcher entrypoint = Pattern.compile("^ENTRYPOINT \\[(.+)]$", Pattern.MULTILINE).matcher(dockerfile);
        assertTrue(entrypoint.find());
        String command = entrypoint.group(1).replaceAll("\"\\s*,\\s*\"", " ").replace("\"", "").replaceFirst("^sh -c exec ",
                "");

        String cacheOption = "-XX:AOTCache=" + training.group(1) + "/app.aot";
        assertTrue(command.contains(" " + cacheOption + " "), command);
        String runOptions = command.replace(" " + cacheOption, "").replaceFirst("^java ", "")
                .replace(" -jar " + training.group(1) + "/quarkus-run.jar", "");
        assertEquals(runOptions, training.group(2).strip());
    }

    /** The stage named build, which runs Maven; the final stage only copies its output. */
    private static String buildStage(String dockerfile) {
        for (String stage : dockerfile.split("(?m)^FROM ")) {
            if (stage.lines().findFirst().orElse("").endsWith(" AS build")) {
                return stage;
            }
        }
        throw new AssertionError("no stage named build");
    }

    private static List<String> modules(Path root) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The service and every module of this repository it depends on, directly or not, in any scope. */
    private static Set<String> modulesBuiltFor(Path root, List<String> modules, String service) throws IOException {
        Map<String, String> moduleOfArtifact = new HashMap<>();
        Map<String, String> poms = new HashMap<>();
        for (String module : modules) {
            String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
            poms.put(module, pom);
            Matcher own = OWN_ARTIFACT.matcher(pom);
            assertTrue(own.find(), module + "/pom.xml names its artifact after its parent");
            moduleOfArtifact.put(own.group(1), module);
        }
        Set<String> built = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(service));
        while (!pending.isEmpty()) {
            String module = pending.pop();
            if (!built.add(module)) {
                continue;
            }
            Matcher dependency = GATEHOUSE_DEPENDENCY.matcher(poms.get(module));
            while (dependency.find()) {
                String dependencyModule = moduleOfArtifact.get(dependency.group(1));
                if (dependencyModule != null) {
                    pending.push(dependencyModule);
                }
            }
        }
        return built;
    }
}
