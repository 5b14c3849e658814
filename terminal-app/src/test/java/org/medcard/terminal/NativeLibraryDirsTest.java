package org.medcard.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher points the native libraries' unpack folders under the app-data folder (a Properties of its own, not the JVM's). */
class NativeLibraryDirsTest {

    @TempDir
    Path dataDir;

    @Test
    void apply_pointsSqliteAndJSerialCommUnderAppData_inOwnerOnlyFolders() throws Exception {
        Properties props = new Properties();

        NativeLibraryDirs.apply(dataDir, props);

        assertEquals(dataDir.resolve("native/sqlite").toString(), props.getProperty("org.sqlite.tmpdir"));
        assertEquals(dataDir.resolve("native/jserialcomm").toString(), props.getProperty("jSerialComm.library.path"));
        assertEquals("medcard-terminal", props.getProperty("fazecast.jSerialComm.appid"));
        assertTrue(Files.isDirectory(dataDir.resolve("native/sqlite")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("native/jserialcomm"))));
    }

    @Test
    void settings_keepAValueGivenOnTheCommandLine() {
        Properties props = new Properties();
        props.setProperty("org.sqlite.tmpdir", "/opt/medcard/native");

        Map<String, String> s = NativeLibraryDirs.settings(dataDir, props);

        assertEquals(Map.of("jSerialComm.library.path", dataDir.resolve("native/jserialcomm").toString(),
                "fazecast.jSerialComm.appid", "medcard-terminal"), s);
    }
}
