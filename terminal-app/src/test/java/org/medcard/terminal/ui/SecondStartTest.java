package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;

/**
 * Issue 15, one instance per data folder: a second start on a data folder the app already has open is told so in
 * one line (the launcher shows it in a dialog), in the UI's language, never a stack trace. No display needed:
 * the launcher's decision is tested on a real second {@link Terminal} opened on the same folder.
 */
class SecondStartTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStartOnTheSameDataFolder_saysTheAppIsAlreadyRunning_inOneLine() {
        try (Terminal first = TrainingTerminals.open(dir, Map.of("language", "zh_CN"))) {
            TerminalConfig config = TrainingTerminals.config(dir, Map.of("language", "zh_CN"));
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> new Terminal(config, Clock.systemUTC(), new Terminal.Options(false, false, "T1")).close());

            String zh = DesktopLauncher.whyNotOpened(e, config.dataDir(), Locale.SIMPLIFIED_CHINESE);
            assertTrue(zh.startsWith("MedCard 终端已在数据文件夹 " + dir.toAbsolutePath() + " 上运行"), zh);
            assertEquals(1, zh.lines().count(), zh);
            assertFalse(zh.contains("Exception") || zh.contains("LOCKED"), zh);

            String en = DesktopLauncher.whyNotOpened(e, config.dataDir(), Locale.ENGLISH);
            assertTrue(en.startsWith("MedCard Terminal is already running on the data folder"), en);
            assertTrue(en.contains("use its window"), en);
        }
    }

    @Test
    void anotherFailure_isOneLineWithWhereToLook() {
        String line = DesktopLauncher.whyNotOpened(new IllegalStateException("cannot open terminal.db\n  at x"), dir, Locale.ENGLISH);
        assertEquals("The terminal could not be opened: cannot open terminal.db — check the configuration (medcard config check)"
                + " and the log in " + dir.resolve("logs").toAbsolutePath() + ", then start again.", line);
    }
}
