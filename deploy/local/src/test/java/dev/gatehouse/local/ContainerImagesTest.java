package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images are built in a container engine, which this build does not have, so what an image build needs is
 * checked here from the files themselves. A build stage sees only what its Dockerfile copies: Maven refuses to load
 * the parent pom when one of its modules' poms is missing, and a service does not compile without the sources of
 * the modules it depends on. A JVM image writes its ahead-of-time cache in a training run that must use the options
 * its entry point uses, or the JVM ignores the cache (or, with too small an initial heap, refuses to start).
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
        Map<String, String> copied = COPY.matcher(buildStage(instructions(Files.readString(root.resolve(dockerfile)))))
                .results().collect(Collectors.toMap(copy -> copy.group(1), copy -> copy.group(2), (first, last) -> last));

        List<String> modules = modules(root);
        for (String module : modules) {
            assertEquals(module + "/", copied.get(module + "/pom.xml"), dockerfile + " copies " + module + "/pom.xml to");
        }
        for (String module : modulesBuiltFor(root, modules, service)) {
            assertEquals(module + "/src", copied.get(module + "/src"), dockerfile + " copies " + module + "/src to");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "auth-service", "otp-service", "company-service", "approval-service", "console-service" })
    void aJvmImageTrainsItsCacheWithTheOptionsItRunsWith(String service) throws IOException {
        String dockerfile = instructions(
                Files.readString(TestPaths.repositoryRoot().resolve(service + "/src/main/docker/Dockerfile.jvm")));
        assertTrue(Pattern.compile("(?m)^RUN mvn .* package .*-Dquarkus\\.package\\.jar\\.type=aot-jar")
                .matcher(buildStage(dockerfile)).find(),
                "the cache holds only classes of the JVM's own class loader, which the aot-jar packaging uses");

        // The order the cache depends on: the options are set, then the training runs with them, and nothing sets
        // them again before the entry point runs; the training runs as root, which may write into /app/quarkus-app.
        List<String> runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM ")).lines().toList();
        int options = indexOf(runtime, "ENV JAVA_OPTS=");
        int script = indexOf(runtime, "COPY deploy/docker/train-aot-cache ");
        int training = indexOf(runtime, "RUN sh /usr/local/bin/train-aot-cache ");
        int user = indexOf(runtime, "USER ");
        int entrypoint = indexOf(runtime, "ENTRYPOINT ");
        assertTrue(0 <= options && options < script && script < training && training < user && user < entrypoint,
                String.join("\n", runtime));
        assertEquals(1, runtime.stream().filter(line -> line.contains("JAVA_OPTS=")).count(), "JAVA_OPTS is set once");

        Matcher trained = Pattern.compile("^RUN sh /usr/local/bin/train-aot-cache (\\S+) (.+?)(?: && .*)?$")
                .matcher(runtime.get(training));
        assertTrue(trained.find(), runtime.get(training));
        String command = runtime.get(entrypoint).replaceFirst("^ENTRYPOINT \\[(.+)]$", "$1").replaceAll("\"\\s*,\\s*\"", " ")
                .replace("\"", "").replaceFirst("^sh -c exec ", "");
        String cacheOption = "-XX:AOTCache=" + trained.group(1) + "/app.aot";
        assertTrue(command.contains(" " + cacheOption + " "), command);
        String runOptions = command.replace(" " + cacheOption, "").replaceFirst("^java ", "")
                .replace(" -jar " + trained.group(1) + "/quarkus-run.jar", "");
        assertEquals(runOptions, trained.group(2).strip());

        // With the serial collector the JVM places the cache's objects in the old generation as it starts; an
        // initial heap that leaves it no room makes the JVM refuse to start at all.
        String javaOptions = runtime.get(options);
        Matcher initial = Pattern.compile("-Xms(\\d+)m").matcher(javaOptions);
        Matcher young = Pattern.compile("-Xmn(\\d+)m").matcher(javaOptions);
        assertTrue(initial.find(), "the image sets -Xms");
        if (young.find()) {
            assertTrue(Integer.parseInt(initial.group(1)) >= Integer.parseInt(young.group(1)) + 16, javaOptions);
        }
    }

    /** The Dockerfile's instructions, one a line: continuation lines joined, comments and blank lines dropped. */
    private static String instructions(String dockerfile) {
        return dockerfile.replace("\\\n", " ").lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.replaceAll("\\s+", " ").strip()).reduce("", (all, line) -> all + "\n" + line);
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
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
        return MODULE.matcher(Files.readString(root.resolve("pom.xml"))).results().map(module -> module.group(1))
                .toList();
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
            GATEHOUSE_DEPENDENCY.matcher(poms.get(module)).results()
                    .map(dependency -> moduleOfArtifact.get(dependency.group(1)))
                    .filter(Objects::nonNull).forEach(pending::push);
        }
        return built;
    }
}
