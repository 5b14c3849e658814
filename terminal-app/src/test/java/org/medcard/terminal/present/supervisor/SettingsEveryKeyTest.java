package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.store.TerminalDb;

/**
 * Issue 15: every setting of docs/configuration.md is on the settings screen, including {@code center.truststore},
 * checked with messages in the UI's language; a password is never shown in the changes or the audit log. A real
 * configuration file, a real terminal.db and a real PKCS12 trust store in a temp folder.
 */
class SettingsEveryKeyTest {

    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void everyKeyOfTheConfigurationPageIsOnTheForm_andEveryKeyTheLoaderKnows() throws Exception {
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_.]+)` \\|").matcher(Files.readString(Path.of("../docs/configuration.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(30, documented.size(), documented.toString());
        assertEquals(List.copyOf(documented), SettingsForm.ALL_KEYS, "the screen shows the page's keys in its order");
        assertEquals(ConfigLoader.knownKeys(), Set.copyOf(SettingsForm.ALL_KEYS));
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            SettingsModelTest.RecordingSettingsView view = new SettingsModelTest.RecordingSettingsView();
            model(file(), db, Locale.SIMPLIFIED_CHINESE, view).load();
            assertEquals(Set.copyOf(SettingsForm.ALL_KEYS), view.form.values().keySet(), "a value for every key");
            assertEquals("", view.form.more().get("center.truststore"));
            assertEquals("PKCS12", view.form.more().get("center.truststore.type"));
            assertEquals("90", view.form.more().get("resettle.max_days"));
            Set<String> labels = new LinkedHashSet<>();
            for (String key : SettingsForm.ALL_KEYS) {
                labels.add(new SettingsModel(dir.resolve("x"), new ConfigLoader(dir), null, () -> "", List::of, Locale.SIMPLIFIED_CHINESE,
                        view, INLINE, INLINE).label(key));
            }
            assertEquals(30, labels.size(), "a name of its own in Chinese for every key: " + labels);
        }
    }

    @Test
    void theTrustStoreAndItsPasswordAreSaved_thePasswordNeverShownOrAudited() throws Exception {
        Path trust = trustStore(dir.resolve("center-ca.p12"), "s3cret-pass");
        Path file = file();
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            AuditLog audit = new AuditLog(db, TrainingTerminals.CLOCK);
            SettingsModelTest.RecordingSettingsView view = new SettingsModelTest.RecordingSettingsView();
            SettingsModel model = model(file, db, Locale.ENGLISH, view);
            model.load();
            Map<String, String> more = new LinkedHashMap<>(view.form.more());
            more.put("center.truststore", trust.toString());
            more.put("center.truststore.password", "s3cret-pass");
            more.put("resettle.max_days", "60");
            model.save(with(view.form, more));

            SettingsSaved s = view.saved.get(0);
            assertTrue(s.saved(), s.changes().toString());
            assertEquals(3, s.changes().size(), s.changes().toString());
            assertTrue(s.changes().contains("Center's trust store (CA), for HTTPS:  \u2192 " + trust), s.changes().toString());
            assertTrue(s.changes().stream().noneMatch(l -> l.contains("s3cret")), s.changes().toString());
            TerminalConfig written = new ConfigLoader(dir).load(file, Map.of()).config();
            assertEquals(trust, written.centerTls().trustStore());
            assertEquals("s3cret-pass", written.centerTls().trustStorePassword());
            assertEquals(60, written.resettleMaxDays());
            List<AuditLog.Entry> audited = audit.latest(20).stream().filter(e -> e.action().equals("settings.change")).toList();
            assertEquals(3, audited.size());
            assertTrue(audited.stream().noneMatch(e -> e.detail().contains("s3cret")), audited.toString());
            assertTrue(audited.stream().anyMatch(e -> e.detail().equals("center.truststore.password: ••• -> •••")), audited.toString());
        }
    }

    @Test
    void wrongValuesAreSaidInChinese_withWhatToWrite_andNothingIsWritten() throws Exception {
        Path file = file();
        String before = Files.readString(file, StandardCharsets.UTF_8);
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            SettingsModelTest.RecordingSettingsView view = new SettingsModelTest.RecordingSettingsView();
            SettingsModel model = model(file, db, Locale.SIMPLIFIED_CHINESE, view);
            model.load();
            Map<String, String> more = new LinkedHashMap<>(view.form.more());
            more.put("institution.code", "p1101");
            more.put("center.truststore", dir.resolve("no-such.p12").toString());
            more.put("pin.exempt_below", "1,50");
            more.put("center.connect_timeout_ms", "0");
            more.put("receipt.paper", "A5");
            model.save(with(view.form, more));

            SettingsSaved s = view.saved.get(0);
            assertFalse(s.saved());
            assertEquals("未保存：有 5 处需要修改。", s.headline());
            assertEquals(List.of(
                    "机构编码：“p1101”不是机构编码。请填写一个大写字母加 11 位数字，例如 P11010100001。",
                    "中心信任库（CA，HTTPS 用）：文件“" + dir.resolve("no-such.p12") + "”不存在或无法读取。请填写已有文件的路径，或留空。",
                    "中心连接超时（毫秒）：“0”不是大于 0 的整数。请填写例如 90。",
                    "低于此金额免密（元；0.00：每次都输密码）：“1,50”含有逗号。请用小数点，不要千位分隔符，例如 500.00。",
                    "票据纸张：“A5”不是可选值。请选择 80mm / A4。"), s.changes());
            assertEquals(before, Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    private SettingsModel model(Path file, TerminalDb db, Locale language, SettingsView view) {
        return new SettingsModel(file, new ConfigLoader(dir), new AuditLog(db, TrainingTerminals.CLOCK), () -> "sup01",
                () -> List.of("simulator"), language, view, INLINE, INLINE);
    }

    private static SettingsForm with(SettingsForm f, Map<String, String> more) {
        return new SettingsForm(f.reader(), f.psam(), f.centerUrl(), f.printer(), f.language(), f.offlineMode(), f.perSale(),
                f.perCardPerDay(), f.terminalTotal(), f.oldestHours(), more);
    }

    private Path file() throws Exception {
        Path file = dir.resolve("medcard.properties");
        Files.writeString(file, "institution.name=朝阳区第一药房\ndata.dir=" + dir + "\nlanguage=en\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A PKCS12 trust store with one of the JDK's CAs, as keytool -importcert makes one. */
    private static Path trustStore(Path file, String password) throws Exception {
        java.security.KeyStore jdk = java.security.KeyStore.getInstance(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(), (char[]) null);
        String alias = jdk.aliases().nextElement();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry(alias, jdk.getCertificate(alias));
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
    }
}
