package org.medcard.terminal.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher points the native libraries under the app-data folder (a Properties of its own here, not the JVM's). */
class NativeLibraryDirsTest {

    @TempDir
    Path dataDir;

    private static Properties linuxX64() {
        Properties p = new Properties();
        p.setProperty("os.name", "Linux");
        p.setProperty("os.arch", "amd64");
        return p;
    }

    @Test
    void apply_sqliteUnpacksUnderAppData_jSerialCommLoadsFromItsCopyThere_ownerOnly() throws Exception {
        Properties props = linuxX64();

        NativeLibraryDirs.apply(dataDir, props);

        assertEquals(dataDir.resolve("native/sqlite").toString(), props.getProperty("org.sqlite.tmpdir"));
        assertEquals("medcard-terminal", props.getProperty("fazecast.jSerialComm.appid"));
        assertEquals(dataDir.resolve("native/jna").toString(), props.getProperty("jna.tmpdir"));
        Path serial = Path.of(props.getProperty("jSerialComm.library.path"));
        assertEquals(dataDir.resolve("native/jserialcomm"), serial.getParent());
        assertTrue(Files.size(serial.resolve("libjSerialComm.so")) > 10_000, "the library copied out of jSerialComm's jar");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(serial)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("native/sqlite"))));
    }

    @Test
    void apply_twice_reusesTheCopy() throws Exception {
        Properties first = linuxX64();
        NativeLibraryDirs.apply(dataDir, first);
        Path lib = Path.of(first.getProperty("jSerialComm.library.path")).resolve("libjSerialComm.so");
        var written = Files.getLastModifiedTime(lib);

        Properties second = linuxX64();
        NativeLibraryDirs.apply(dataDir, second);

        assertEquals(first.getProperty("jSerialComm.library.path"), second.getProperty("jSerialComm.library.path"));
        assertEquals(written, Files.getLastModifiedTime(lib));
    }

    @Test
    void apply_keepsValuesGivenOnTheCommandLine() {
        Properties props = linuxX64();
        props.setProperty("org.sqlite.tmpdir", "/opt/medcard/native");
        props.setProperty("jSerialComm.library.path", "/opt/medcard/serial");

        NativeLibraryDirs.apply(dataDir, props);

        assertEquals("/opt/medcard/native", props.getProperty("org.sqlite.tmpdir"));
        assertEquals("/opt/medcard/serial", props.getProperty("jSerialComm.library.path"));
        assertTrue(Files.notExists(dataDir.resolve("native/jserialcomm")));
    }

    @Test
    void jSerialCommResource_namesTheLibraryForEachShippedPlatform() {
        assertEquals(Optional.of("Windows/x86_64/jSerialComm.dll"), NativeLibraryDirs.jSerialCommResource("Windows 11", "amd64"));
        assertEquals(Optional.of("Linux/armv8_64/libjSerialComm.so"), NativeLibraryDirs.jSerialCommResource("Linux", "aarch64"));
        assertEquals(Optional.of("OSX/aarch64/libjSerialComm.jnilib"), NativeLibraryDirs.jSerialCommResource("Mac OS X", "aarch64"));
        assertEquals(Optional.empty(), NativeLibraryDirs.jSerialCommResource("SunOS", "sparcv9"));
    }
}
