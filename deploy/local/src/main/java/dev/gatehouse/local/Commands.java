package dev.gatehouse.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers for the command lines of child processes. */
final class Commands {

    private Commands() {
    }

    /**
     * A prefix that puts a child in its own session. Ctrl-C in a terminal signals the whole foreground process
     * group; without this, every service would get SIGINT at the same moment as LocalRun, and PostgreSQL could go
     * away under services that are still shutting down. With it, only LocalRun hears Ctrl-C and stops the children
     * in order.
     */
    static List<String> detachedFromTerminal() {
        return onPath("setsid") ? List.of("setsid") : List.of();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
