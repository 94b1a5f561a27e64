package dev.gatehouse.local;

import java.nio.file.Path;

/** The repository, as the build tells the tests where it is. */
final class TestPaths {

    private TestPaths() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("gatehouse.root", "../..")).toAbsolutePath().normalize();
    }

    static Path gatewayDirectory() {
        return repositoryRoot().resolve("deploy/k8s/base/gateway");
    }
}
