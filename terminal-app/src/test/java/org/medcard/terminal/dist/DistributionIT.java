package org.medcard.terminal.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} makes, {@code terminal-app/target/medcard-terminal.jar}, as a user gets
 * it: one shaded jar without bcprov's signature files (they would make the JVM refuse the jar), started with
 * {@code java -jar} from another folder, with an XDG data folder of its own. It must print its version,
 * sell with the built-in simulator (the simulator's profiles and catalog load from the jar), keep its data in
 * the user's data folder, and unpack the native libraries there. CI runs this instead of building the .deb
 * (docs/installing.md).
 */
class DistributionIT {
    private static final Path JAR = Path.of("target", "medcard-terminal.jar").toAbsolutePath();

    @TempDir
    Path root;

    @Test
    void shadedJar_hasNoSignatureFiles_andNamesItsMainClass() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: mvn package makes it");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> signatures = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("META-INF/") && n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
            assertEquals(List.of(), signatures, "signature files of signed dependencies (bcprov) left in the shaded jar");
            Manifest m = jar.getManifest();
            assertEquals("org.medcard.terminal.main.TerminalMain", m.getMainAttributes().getValue("Main-Class"));
            assertTrue(jar.getEntry("org/bouncycastle/crypto/engines/SM4Engine.class") != null, "bcprov (SM4) inside");
            assertTrue(jar.getEntry("org/medcard/simulator/profiles.json") != null, "the simulator's profiles inside");
        }
    }

    @Test
    void javaJar_fromAnotherFolder_sellsWithTheSimulator_dataAndNativeLibrariesInTheUsersDataFolder() throws Exception {
        assertTrue(run("--version").contains("MedCard Terminal"), "version printed");

        String sale = run("sale", "--reader", "simulator", "--psam-reader", "simulator", "--items", "XB05XAL013:1",
                "--pin-stdin", "--json");

        assertTrue(sale.contains("\"outcome\":\"SETTLED\""), sale);
        Path data = root.resolve("home/.local/share/medcard");
        for (String f : List.of("queue.db", "terminal.db", "terminal.key", "center.db")) {
            assertTrue(Files.isRegularFile(data.resolve(f)), f + " in the user's data folder " + data);
        }
        assertTrue(Files.isDirectory(data.resolve("native/sqlite")), "sqlite-jdbc's unpack folder under the data folder");
        try (var serial = Files.walk(data.resolve("native/jserialcomm"))) {
            assertEquals(1, serial.filter(p -> p.getFileName().toString().equals("libjSerialComm.so")).count(),
                    "jSerialComm's library copied under the data folder");
        }
        try (var tmp = Files.list(root.resolve("systmp"))) {
            List<String> left = tmp.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase().contains("sqlite") || n.toLowerCase().contains("jserialcomm")).toList();
            assertEquals(List.of(), left, "nothing native unpacked into java.io.tmpdir");
        }
    }

    /** Runs the jar in {@code root/work} with its own home, data and temp folders; returns stdout. */
    private String run(String... args) throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("systmp"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + root.resolve("systmp"), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("stderr.log").toFile()));
        // Java's user.home comes from the password database, not $HOME; the XDG variable moves the data folder.
        pb.environment().put("XDG_DATA_HOME", root.resolve("home/.local/share").toString());
        Process p = pb.start();
        p.getOutputStream().write("123456\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        assertEquals(0, p.exitValue(), out + Files.readString(root.resolve("stderr.log")));
        return out;
    }
}
