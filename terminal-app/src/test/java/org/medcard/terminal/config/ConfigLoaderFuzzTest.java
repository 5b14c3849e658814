package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the configuration loader on arbitrary {@code medcard.properties} files
 * (docs/fuzzing.md). Contract: {@link ConfigLoader#load} returns a configuration (with warnings for unknown
 * keys only) or throws {@link ConfigException} listing at least one problem; nothing else.
 */
class ConfigLoaderFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyPropertiesFile_givesAConfigOrConfigException(byte[] file) throws IOException {
        Path dir = Files.createTempDirectory("medcard-config-fuzz");
        Path properties = dir.resolve("medcard.properties");
        try {
            Files.write(properties, file);
            ConfigLoader.Loaded loaded;
            try {
                loaded = new ConfigLoader(dir.resolve("data")).load(properties, Map.of());
            } catch (ConfigException refused) {
                assertFalse(refused.problems().isEmpty(), "a refusal names at least one problem");
                refused.problems().forEach(p -> assertNotNull(p.key()));
                return;
            }
            assertNotNull(loaded.config());
            loaded.warnings().forEach(w -> assertTrue(w.startsWith("unknown key"), "warnings are for unknown keys only: " + w));
        } finally {
            Files.deleteIfExists(properties);
            Files.deleteIfExists(dir);
        }
    }
}
