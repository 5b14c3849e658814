package org.medcard.terminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medcard.testsupport.SystemParts;

/**
 * The Linux installer, built and tried as a technician would (docs/installing.md): {@code packaging/build-deb.sh}
 * makes the .deb with the JDK's jpackage from the jar {@code mvn package} made, and {@code packaging/check-deb.sh}
 * unpacks it into a temporary root (no root rights, nothing installed on the machine) and runs the installed
 * launcher: version, readers, a training sale that settles, app data and native libraries in the user's data
 * folder. The slowest test of the build (jpackage links a Java runtime: minutes), so it runs once, here.
 */
class InstallerIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void debPackage_builds_installsIntoATempRoot_andItsLauncherSells() throws Exception {
        SystemParts.needCommand("jpackage", "openjdk-17-jdk");
        SystemParts.needCommand("dpkg-deb", "dpkg");
        SystemParts.needCommand("fakeroot", "fakeroot");
        SystemParts.needCommand("unzip", "unzip");

        String built = run("packaging/build-deb.sh");
        Path installer = PROJECT.resolve("terminal-app/target/installer");
        try (var debs = Files.list(installer)) {
            List<String> names = debs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deb")).toList();
            assertEquals(1, names.size(), "one .deb in " + installer + ": " + names + "\n" + built);
            assertTrue(names.get(0).startsWith("medcard-terminal_"), names.get(0));
        }

        String checked = run("packaging/check-deb.sh");

        assertTrue(checked.contains("Package: medcard-terminal"), checked);
        // Issue 15: a Chinese font comes with the package (the control file's Depends, checked by check-deb.sh too).
        String depends = checked.lines().filter(l -> l.trim().startsWith("Depends:")).findFirst().orElse("");
        assertTrue(depends.contains("fonts-wqy-microhei") && depends.contains("pcscd"), "Depends: " + depends);
        assertTrue(checked.contains("\"outcome\":\"SETTLED\""), "the installed launcher settled a training sale: " + checked);
        assertTrue(checked.contains("check-deb: OK"), checked);
    }

    /** Runs a packaging script from the project folder; returns what it printed (stdout and stderr). */
    private static String run(String script) throws Exception {
        Process p = new ProcessBuilder("bash", script).directory(PROJECT.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), script + " did not finish");
        assertEquals(0, p.exitValue(), script + " failed:\n" + out);
        return out;
    }
}
