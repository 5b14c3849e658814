package org.medcard.terminal.present.supervisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.config.TerminalConfig;

/**
 * The settings a supervisor may change, as typed (the configuration file's own forms): reader and PSAM
 * ({@code simulator}, {@code pcsc:NAME}, {@code serial:PATH}, {@code soft:KEYFILE}), center URL or
 * {@code embedded}, printer ({@code none}, {@code os:NAME}, {@code escpos:PATH}), language ({@code zh_CN},
 * {@code en}), offline mode and limits (yuan, hours); and in {@code more} every other key of docs/configuration.md
 * (issue 15: every setting editable), keyed by its configuration key. Validation is {@link SettingsCheck}'s (in the
 * UI's language), then the terminal's ConfigLoader's.
 */
public record SettingsForm(String reader, String psam, String centerUrl, String printer, String language, String offlineMode,
                           String perSale, String perCardPerDay, String terminalTotal, String oldestHours, Map<String, String> more) {

    /** Every key of docs/configuration.md, in its order (the settings screen shows them so). */
    public static final List<String> ALL_KEYS = List.of("institution.code", "institution.name", "institution.region", "institution.kind",
            "terminal.number", "reader", "pcsc.provider", "psam", "center.url", "center.truststore", "center.truststore.password",
            "center.truststore.type", "center.keystore", "center.keystore.password", "center.keystore.type", "center.connect_timeout_ms",
            "center.request_timeout_ms", "offline.mode", "offline.limit.per_sale", "offline.limit.per_card_per_day",
            "offline.limit.terminal_total", "offline.limit.oldest_hours", "pin.exempt_below", "resettle.max_days", "printer",
            "receipt.paper", "receipt.font", "language", "data.dir", "data.min_free_mb");

    public SettingsForm {
        more = more == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(more));
    }

    /** The first ten settings only (the others stay as they are). */
    public SettingsForm(String reader, String psam, String centerUrl, String printer, String language, String offlineMode,
                        String perSale, String perCardPerDay, String terminalTotal, String oldestHours) {
        this(reader, psam, centerUrl, printer, language, offlineMode, perSale, perCardPerDay, terminalTotal, oldestHours, Map.of());
    }

    /** The values in force. */
    public static SettingsForm of(TerminalConfig c) {
        return new SettingsForm(c.reader().toString(), c.psam().toString(), c.center().map(Object::toString).orElse("embedded"),
                c.printer(), Locale.ENGLISH.getLanguage().equals(c.language().getLanguage()) ? "en" : "zh_CN", c.offlineMode().name(),
                Money.formatYuan(c.offlineLimits().perSaleFen()), Money.formatYuan(c.offlineLimits().perCardPerDayFen()),
                Money.formatYuan(c.offlineLimits().terminalTotalFen()), String.valueOf(c.offlineLimits().oldestRecordAge().toHours()),
                more(c));
    }

    /** The keys beyond the first ten, as the configuration file writes them. */
    private static Map<String, String> more(TerminalConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("institution.code", c.institutionCode());
        m.put("institution.name", c.institutionName());
        m.put("institution.region", c.region());
        m.put("institution.kind", c.kind().name());
        m.put("terminal.number", c.terminalNumber());
        m.put("pcsc.provider", c.pcscProvider());
        m.put("center.truststore", c.centerTls().trustStore() == null ? "" : c.centerTls().trustStore().toString());
        m.put("center.truststore.password", nonNull(c.centerTls().trustStorePassword()));
        m.put("center.truststore.type", c.centerTls().trustStoreType());
        m.put("center.keystore", c.centerTls().keyStore() == null ? "" : c.centerTls().keyStore().toString());
        m.put("center.keystore.password", nonNull(c.centerTls().keyStorePassword()));
        m.put("center.keystore.type", c.centerTls().keyStoreType());
        m.put("center.connect_timeout_ms", String.valueOf(c.connectTimeout().toMillis()));
        m.put("center.request_timeout_ms", String.valueOf(c.requestTimeout().toMillis()));
        m.put("pin.exempt_below", Money.formatYuan(c.pinExemptBelowFen()));
        m.put("resettle.max_days", String.valueOf(c.resettleMaxDays()));
        m.put("receipt.paper", c.receipt().paper() == org.medcard.terminal.config.ReceiptSettings.Paper.A4 ? "A4" : "80mm");
        m.put("receipt.font", c.receipt().font() == null ? "" : c.receipt().font().toString());
        m.put("data.dir", c.dataDir().toString());
        m.put("data.min_free_mb", String.valueOf(c.minFreeBytes() / (1024L * 1024L)));
        return m;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Whether {@code key} holds a password (never shown in the changes or the audit log). */
    public static boolean secret(String key) {
        return key.endsWith(".password");
    }

    /** The configuration keys and values, in the order the screen shows them. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("reader", reader);
        m.put("psam", psam);
        m.put("center.url", centerUrl);
        m.put("printer", printer);
        m.put("language", language);
        m.put("offline.mode", offlineMode);
        m.put("offline.limit.per_sale", perSale);
        m.put("offline.limit.per_card_per_day", perCardPerDay);
        m.put("offline.limit.terminal_total", terminalTotal);
        m.put("offline.limit.oldest_hours", oldestHours);
        more.forEach((k, v) -> {
            if (!m.containsKey(k)) {
                m.put(k, v);
            }
        });
        m.replaceAll((k, v) -> v == null ? "" : v.trim());
        return m;
    }
}
