package org.medcard.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need a part of the system (pcscd, vpcd, socat, a display): skip with a clear reason
 * on a developer's laptop that lacks it, fail in CI, which sets {@code -Dmedcard.requireSystemParts=true}.
 *
 * <p>Shared with the other modules through card-protocol's test-jar.
 */
public final class SystemParts {

    private SystemParts() {
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty("medcard.requireSystemParts", "false"));
    }

    /** Continues when {@code available}; otherwise skips the test, or fails it when parts are required. */
    public static void need(boolean available, String what, String howToGetIt) {
        if (available) {
            return;
        }
        String reason = what + " is not available (" + howToGetIt + ")";
        if (required()) {
            Assertions.fail(reason + " and medcard.requireSystemParts=true");
        }
        Assumptions.abort(reason + "; skipping");
    }

    /** Requires an executable on the PATH (or at an absolute path). */
    public static Path needCommand(String command, String debianPackage) {
        Path found = findCommand(command);
        need(found != null, "command '" + command + "'", "apt-get install " + debianPackage);
        return found;
    }

    public static Path findCommand(String command) {
        if (command.contains("/")) {
            Path p = Paths.get(command);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The shared specification folder ({@code ../shared/spec}), as set by the build. */
    public static Path specDir() {
        String dir = System.getProperty("medcard.specDir");
        Path p = dir == null ? Paths.get("..", "..", "shared", "spec") : Paths.get(dir);
        Assertions.assertTrue(Files.isDirectory(p), "specification folder not found: " + p.toAbsolutePath()
                + " (set -Dmedcard.specDir)");
        return p;
    }
}
