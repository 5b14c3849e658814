package org.medcard.terminal.present.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.text.Texts;

/** Catalog sync as long work: progress first, then the result; against a real training terminal. */
class SyncModelTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private final List<Boolean> problems = new ArrayList<>();
    private final SyncView view = new SyncView() {
        @Override
        public void progress(String text) {
            progress.add(text);
        }

        @Override
        public void done(String message, boolean problem) {
            done.add(message);
            problems.add(problem);
        }
    };

    @Test
    void online_syncShowsProgressThenWhatChanged() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            long version = t.downloads().catalogVersion();
            new SyncModel(t.downloads(), t::onlineCenter, t.parts(), Runnable::run, Runnable::run, view, Texts.of(StatusModel.BUNDLE, Locale.ENGLISH)).sync();

            assertEquals("Syncing the catalog and the blacklist with the center...", progress.get(0));
            assertEquals(null, progress.get(1), "progress hidden at the end");
            assertEquals("Catalog and blacklist synced: 0 items and 0 blacklist entries changed (catalog version " + version + ").",
                    done.get(0), "the start already downloaded everything");
            assertFalse(problems.get(0));
        }
    }

    @Test
    void offline_saysTheLastDownloadStays() {
        Terminal t = new Terminal(TrainingTerminals.config(dir, Map.of()), TrainingTerminals.CLOCK,
                new Terminal.Options(true, false, "T01"));
        try (t) {
            new SyncModel(t.downloads(), t::onlineCenter, t.parts(), Runnable::run, Runnable::run, view, Texts.of(StatusModel.BUNDLE, Locale.SIMPLIFIED_CHINESE)).sync();
            assertEquals("无法连接中心：目录和黑名单保持上次下载的内容。", done.get(0));
            assertTrue(problems.get(0));
        }
    }
}
