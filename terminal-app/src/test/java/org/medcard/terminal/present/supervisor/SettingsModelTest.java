package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.store.TerminalDb;

/**
 * The settings screen's model with a real configuration file and a real terminal.db (audit log) in a temp
 * folder; the reader list is given, as the machine's readers vary.
 */
class SettingsModelTest {

    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;

    static final class RecordingSettingsView implements SettingsView {
        SettingsForm form;
        List<String> choices;
        final List<SettingsSaved> saved = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void showSettings(SettingsForm f, List<String> c) {
            form = f;
            choices = c;
        }

        @Override
        public void showSaved(SettingsSaved s) {
            saved.add(s);
        }

        @Override
        public void showBusy(boolean b, String what) {
        }

        @Override
        public void showMessage(String m) {
            messages.add(m);
        }
    }

    private Path configFile() throws Exception {
        Path file = dir.resolve("medcard.properties");
        Files.writeString(file, "# written by the technician on commissioning day\n"
                + "institution.name=朝阳区第一药房\n"
                + "data.dir=" + dir + "\n"
                + "language=en\n"
                + "# the limits the insurer agreed with us\n"
                + "offline.limit.per_sale=500.00\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void changedSettingsAreValidatedWrittenAuditedAndNeedARestart() throws Exception {
        Path file = configFile();
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            AuditLog audit = new AuditLog(db, TrainingTerminals.CLOCK);
            RecordingSettingsView view = new RecordingSettingsView();
            SettingsModel model = new SettingsModel(file, new ConfigLoader(dir), audit, () -> "sup01",
                    () -> List.of("simulator", "pcsc:Virtual PCD 00 00", "serial:/dev/ttyUSB0"), java.util.Locale.ENGLISH, view, INLINE, INLINE);

            model.load();
            assertEquals("simulator", view.form.reader());
            assertEquals("embedded", view.form.centerUrl());
            assertEquals("500.00", view.form.perSale());
            assertEquals("STORE_AND_FORWARD", view.form.offlineMode());
            assertEquals(List.of("simulator", "pcsc:Virtual PCD 00 00", "serial:/dev/ttyUSB0"), view.choices);

            SettingsForm f = view.form;
            model.save(new SettingsForm("pcsc:Virtual PCD 00 00", f.psam(), "https://center.example:8443", "os:\\\\server\\receipts",
                    "zh_CN", "CASH_RESETTLE", "300.00", f.perCardPerDay(), f.terminalTotal(), "48"));

            SettingsSaved s = view.saved.get(0);
            assertTrue(s.saved(), s.changes().toString());
            assertTrue(s.restart());
            assertEquals("Saved. Restart the terminal to use the new settings.", s.headline());
            assertTrue(s.changes().contains("Offline limit per sale (yuan): 500.00 \u2192 300.00"), s.changes().toString());
            assertEquals(7, s.changes().size());

            TerminalConfig written = new ConfigLoader(dir).load(file, Map.of()).config();
            assertEquals(new DeviceChoice(DeviceChoice.Kind.PCSC, "Virtual PCD 00 00"), written.reader());
            assertEquals("https://center.example:8443", written.centerUrl().toString());
            assertEquals("os:\\\\server\\receipts", written.printer(), "backslashes survive the properties format");
            assertEquals(30_000, written.offlineLimits().perSaleFen());
            assertEquals(48, written.offlineLimits().oldestRecordAge().toHours());
            assertEquals(java.util.Locale.SIMPLIFIED_CHINESE, written.language());
            assertEquals("朝阳区第一药房", written.institutionName(), "other keys kept");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("# written by the technician on commissioning day\n"), "comments kept");
            assertTrue(text.contains("# the limits the insurer agreed with us\noffline.limit.per_sale=300.00\n"), "changed in place:\n" + text);

            List<AuditLog.Entry> changes = audit.latest(20).stream().filter(e -> e.action().equals("settings.change")).toList();
            assertEquals(7, changes.size(), "one audit line per changed key");
            assertTrue(changes.stream().allMatch(e -> e.operator().equals("sup01")));
            assertTrue(changes.stream().anyMatch(e -> e.detail().equals("offline.limit.per_sale: 500.00 -> 300.00")));
        }
    }

    @Test
    void invalidValuesAreAllReportedAndNothingIsWritten() throws Exception {
        Path file = configFile();
        String before = Files.readString(file, StandardCharsets.UTF_8);
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            AuditLog audit = new AuditLog(db, TrainingTerminals.CLOCK);
            RecordingSettingsView view = new RecordingSettingsView();
            SettingsModel model = new SettingsModel(file, new ConfigLoader(dir), audit, () -> "sup01", List::of, java.util.Locale.ENGLISH,
                    view, INLINE, INLINE);
            model.load();
            SettingsForm f = view.form;

            model.save(new SettingsForm(f.reader(), f.psam(), "http://center.example", f.printer(), f.language(), f.offlineMode(),
                    "lots", f.perCardPerDay(), f.terminalTotal(), f.oldestHours()));
            model.save(f);

            SettingsSaved bad = view.saved.get(0);
            assertFalse(bad.saved());
            assertEquals("Not saved: 2 problem(s) to fix.", bad.headline());
            assertTrue(bad.changes().get(0).startsWith("Center URL: plain http to center.example is not allowed"), bad.changes().toString());
            assertTrue(bad.changes().get(1).startsWith("Offline limit per sale (yuan): "), bad.changes().toString());
            assertEquals("Nothing changed.", view.saved.get(1).headline());
            assertEquals(before, Files.readString(file, StandardCharsets.UTF_8));
            assertTrue(audit.latest(10).stream().noneMatch(e -> e.action().equals("settings.change")));
        }
    }
}
