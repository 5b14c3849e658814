package org.medcard.terminal.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the bundled native libraries unpack: sqlite-jdbc and jSerialComm copy their JNI library out of the jar
 * on first use, by default into {@code java.io.tmpdir}. A counter PC often mounts {@code /tmp} noexec (the
 * load then fails) or cleans it while the app runs, and several apps share it. So the launcher points both
 * under the user's app-data folder ({@code native/} next to the queue), before either library is touched:
 * <ul>
 *   <li>sqlite-jdbc unpacks into {@code org.sqlite.tmpdir} = {@code <data>/native/sqlite};</li>
 *   <li>JNA (our PC/SC binding) unpacks its dispatch library into {@code jna.tmpdir} = {@code <data>/native/jna};</li>
 *   <li>jSerialComm only <em>loads</em> from {@code jSerialComm.library.path} (else it unpacks into the temp
 *       folder), so its library for this platform is copied from the jar into
 *       {@code <data>/native/jserialcomm/<hash>/} first (the hash of the library: a new version gets a new
 *       folder); {@code fazecast.jSerialComm.appid} names our folder should it fall back to the temp folder.</li>
 * </ul>
 * A value given on the command line ({@code -D...}, a technician's workaround) is kept; a folder that cannot
 * be made leaves that library at its default.
 *
 * <p>Called once from {@link TerminalMain#main} on the main thread, before anything else runs.
 */
public final class NativeLibraryDirs {
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    static final String JNA_TMPDIR = "jna.tmpdir";
    static final String SERIAL_LIBRARY_PATH = "jSerialComm.library.path";
    static final String SERIAL_APP_ID = "fazecast.jSerialComm.appid";
    static final String APP_ID = "medcard-terminal";

    private NativeLibraryDirs() {
    }

    /** Applies the settings for app-data folder {@code dataDir} to {@code system} (the JVM's properties in production). */
    static void apply(Path dataDir, Properties system) {
        Path nativeDir = dataDir.resolve("native");
        if (!system.containsKey(SQLITE_TMPDIR) && makePrivateDir(nativeDir.resolve("sqlite"))) {
            system.setProperty(SQLITE_TMPDIR, nativeDir.resolve("sqlite").toString());
        }
        if (!system.containsKey(JNA_TMPDIR) && makePrivateDir(nativeDir.resolve("jna"))) {
            system.setProperty(JNA_TMPDIR, nativeDir.resolve("jna").toString());
        }
        system.putIfAbsent(SERIAL_APP_ID, APP_ID);
        if (!system.containsKey(SERIAL_LIBRARY_PATH)) {
            jSerialCommResource(system.getProperty("os.name", ""), system.getProperty("os.arch", ""))
                    .flatMap(resource -> unpack(resource, nativeDir.resolve("jserialcomm")))
                    .ifPresent(dir -> system.setProperty(SERIAL_LIBRARY_PATH, dir.toString()));
        }
    }

    /** jSerialComm's library inside its jar for this OS and architecture (its own folder names). */
    static Optional<String> jSerialCommResource(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("win")) {
            return x64 ? Optional.of("Windows/x86_64/jSerialComm.dll")
                    : arm64 ? Optional.of("Windows/aarch64/jSerialComm.dll") : Optional.empty();
        }
        if (os.contains("mac")) {
            return x64 ? Optional.of("OSX/x86_64/libjSerialComm.jnilib")
                    : arm64 ? Optional.of("OSX/aarch64/libjSerialComm.jnilib") : Optional.empty();
        }
        if (os.contains("linux")) {
            return x64 ? Optional.of("Linux/x86_64/libjSerialComm.so")
                    : arm64 ? Optional.of("Linux/armv8_64/libjSerialComm.so") : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Copies the library to {@code base/<hash>/<file name>} unless it is there already (written to a temporary
     * name and moved, so a crash never leaves half a library under the real name). Empty when it cannot.
     */
    static Optional<Path> unpack(String resource, Path base) {
        try (InputStream in = NativeLibraryDirs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] library = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library), 0, 8);
            Path dir = base.resolve(hash);
            Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            if (!Files.isRegularFile(file) || Files.size(file) != library.length) {
                if (!makePrivateDir(base) || !makePrivateDir(dir)) {
                    return Optional.empty();
                }
                Path tmp = Files.createTempFile(dir, "unpacking-", ".tmp");
                Files.write(tmp, library);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(dir);
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static boolean makePrivateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Windows: %APPDATA% is private to the user already.
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
