package org.medcard.transport.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PcscLibraryPathTest {

    private static Optional<String> override(String os, String arch, String... files) {
        Set<Path> present = Set.of(java.util.Arrays.stream(files).map(Path::of).toArray(Path[]::new));
        return PcscReaders.libraryOverride(present::contains, os, arch);
    }

    @Test
    void debianMultiarchLibrary_jdkFindsIt_noOverride() {
        assertEquals(Optional.empty(), override("Linux", "amd64", "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"));
    }

    @Test
    void developmentSymlinkInLib64_jdkFindsIt_noOverride() {
        assertEquals(Optional.empty(), override("Linux", "amd64", "/usr/lib64/libpcsclite.so", "/usr/lib64/libpcsclite.so.1"));
    }

    @Test
    void onlyVersionedLibraryInLib64_isConfigured() {
        assertEquals(Optional.of("/usr/lib64/libpcsclite.so.1"), override("Linux", "amd64", "/usr/lib64/libpcsclite.so.1"));
    }

    @Test
    void libraryUnderSlashLib_isConfigured() {
        assertEquals(Optional.of("/lib/aarch64-linux-gnu/libpcsclite.so.1"),
                override("Linux", "aarch64", "/lib/aarch64-linux-gnu/libpcsclite.so.1"));
    }

    @Test
    void noLibraryAnywhere_noOverride_theJdkReportsIt() {
        assertEquals(Optional.empty(), override("Linux", "amd64"));
    }

    @Test
    void windows_neverOverridden() {
        assertEquals(Optional.empty(), override("Windows 10", "amd64", "/usr/lib64/libpcsclite.so.1"));
    }
}
