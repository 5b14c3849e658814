package org.medcard.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the bundled native libraries unpack: sqlite-jdbc and jSerialComm copy their JNI library out of the jar
 * on first use, by default into {@code java.io.tmpdir}. A counter PC often mounts {@code /tmp} noexec (the
 * load then fails) or cleans it while the app runs, and several apps share it. So the launcher points both
 * under the user's app-data folder ({@code native/} next to the queue), before either library is touched:
 * {@code org.sqlite.tmpdir}, {@code jSerialComm.library.path} and {@code fazecast.jSerialComm.appid}.
 * A value given on the command line ({@code -D...}, a technician's workaround) is kept.
 *
 * <p>Called once from {@link TerminalMain#main} on the main thread, before anything else runs.
 */
public final class NativeLibraryDirs {
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    static final String SERIAL_LIBRARY_PATH = "jSerialComm.library.path";
    static final String SERIAL_APP_ID = "fazecast.jSerialComm.appid";
    static final String APP_ID = "medcard-terminal";

    private NativeLibraryDirs() {
    }

    /** The properties to set for app-data folder {@code dataDir}, skipping those already in {@code current}. */
    static Map<String, String> settings(Path dataDir, Properties current) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(SQLITE_TMPDIR, dataDir.resolve("native").resolve("sqlite").toString());
        wanted.put(SERIAL_LIBRARY_PATH, dataDir.resolve("native").resolve("jserialcomm").toString());
        wanted.put(SERIAL_APP_ID, APP_ID);
        wanted.keySet().removeIf(current::containsKey);
        return wanted;
    }

    /**
     * Creates the folders (owner-only where the file system knows permissions) and sets the properties. A
     * folder that cannot be made leaves that library at its default, as before.
     */
    static void apply(Path dataDir, Properties system) {
        settings(dataDir, system).forEach((key, value) -> {
            if (!key.equals(SERIAL_APP_ID) && !makePrivateDir(Path.of(value))) {
                return;
            }
            system.setProperty(key, value);
        });
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
