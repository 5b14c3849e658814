package org.medcard.terminal.present.supervisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.medcard.terminal.config.ConfigException;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.text.Texts;

/**
 * The settings screen's logic. Loads the values in force from the configuration file, and saves the changed
 * ones back into it after the terminal's own {@link ConfigLoader} accepted the whole file with them (every
 * problem reported at once, as {@code medcard config check} would). Each changed key is audited with its old
 * and new value. The configuration is frozen while the terminal runs, so a saved change takes effect at the
 * next start: the answer says so.
 *
 * <p>Threads: public methods on the UI thread; the file, the audit and the device listing run on {@code worker}.
 */
public final class SettingsModel {
    private final Path configFile;
    private final ConfigLoader loader;
    private final AuditLog audit;
    private final Supplier<String> supervisor;
    private final Supplier<List<String>> readerChoices;
    private final SettingsView view;
    private final Texts texts;
    private final Work work;

    /**
     * @param configFile    the file the terminal was started with ({@code medcard.properties} in the data folder)
     * @param loader        the terminal's loader (its default data folder)
     * @param readerChoices lists the machine's readers (e.g. {@code DeviceListing::readerChoices}); called on the worker
     */
    public SettingsModel(Path configFile, ConfigLoader loader, AuditLog audit, Supplier<String> supervisor, Supplier<List<String>> readerChoices,
                         Locale language, SettingsView view, Executor worker, Executor ui) {
        this.configFile = configFile;
        this.loader = loader;
        this.audit = audit;
        this.supervisor = supervisor;
        this.readerChoices = readerChoices;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.work = new Work(view, worker, ui, texts);
    }

    private record Loaded(SettingsForm form, List<String> choices) {
    }

    public void load() {
        work.run(texts.text("busy.settings_load"), () -> new Loaded(current(), readerChoices.get()),
                l -> view.showSettings(l.form(), l.choices()));
    }

    public void save(SettingsForm edited) {
        String by = supervisor.get();
        work.run(texts.text("busy.settings_save"), () -> saveNow(edited, by), view::showSaved);
    }

    private SettingsForm current() {
        return SettingsForm.of(loader.load(configFile, Map.of()).config());
    }

    private SettingsSaved saveNow(SettingsForm edited, String by) {
        Map<String, String> before = current().values();
        Map<String, String> changes = new LinkedHashMap<>();
        edited.values().forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changes.put(k, v);
            }
        });
        if (changes.isEmpty()) {
            return new SettingsSaved(false, List.of(), texts.text("settings.unchanged"), false);
        }
        // Our own check speaks the UI's language; the loader has the last word (stores opened, http off loopback, ...).
        Map<String, String> own = new SettingsCheck(texts).problems(changes);
        List<ConfigException.Problem> loaderSays = List.of();
        try {
            loader.load(configFile, changes);
        } catch (ConfigException e) {
            loaderSays = e.problems();
        }
        if (!own.isEmpty() || !loaderSays.isEmpty()) {
            List<String> problems = new ArrayList<>();
            // In the screen's order (docs/configuration.md's), then any other key.
            List<String> keys = new ArrayList<>(SettingsForm.ALL_KEYS);
            changes.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            for (String key : keys) {
                if (!changes.containsKey(key)) {
                    continue;
                }
                if (own.containsKey(key)) {
                    problems.add(own.get(key));
                } else {
                    loaderSays.stream().filter(p -> p.key().equals(key)).forEach(p -> problems.add(loaderProblem(p)));
                }
            }
            loaderSays.stream().filter(p -> !changes.containsKey(p.key())).forEach(p -> problems.add(loaderProblem(p)));
            return new SettingsSaved(false, problems, texts.text("settings.invalid", problems.size()), false);
        }
        ConfigFile.write(configFile, changes);
        List<String> lines = new ArrayList<>();
        changes.forEach((k, v) -> {
            // A password is audited as changed, never written out (the file itself is owner-only).
            String was = SettingsForm.secret(k) ? "•••" : before.get(k);
            String now = SettingsForm.secret(k) ? "•••" : v;
            audit.record(by, "settings.change", k + ": " + was + " -> " + now);
            lines.add(texts.text("settings.changed", label(k), was, now));
        });
        return new SettingsSaved(true, lines, texts.text("settings.saved"), true);
    }

    private String loaderProblem(ConfigException.Problem p) {
        return texts.text("settings.problem", texts.has("setting." + p.key()) ? label(p.key()) : p.key(), p.problem(), p.fix());
    }

    /** The setting's name in the terminal's language. */
    String label(String key) {
        return texts.text("setting." + key);
    }
}
