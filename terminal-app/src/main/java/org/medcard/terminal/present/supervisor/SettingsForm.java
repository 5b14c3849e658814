package org.medcard.terminal.present.supervisor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.config.TerminalConfig;

/**
 * The settings a supervisor may change, as typed (the configuration file's own forms): reader and PSAM
 * ({@code simulator}, {@code pcsc:NAME}, {@code serial:PATH}, {@code soft:KEYFILE}), center URL or
 * {@code embedded}, printer ({@code none}, {@code os:NAME}, {@code escpos:PATH}), language ({@code zh_CN},
 * {@code en}), offline mode and limits (yuan, hours). Validation is the terminal's ConfigLoader's.
 */
public record SettingsForm(String reader, String psam, String centerUrl, String printer, String language, String offlineMode,
                           String perSale, String perCardPerDay, String terminalTotal, String oldestHours) {

    /** The values in force. */
    public static SettingsForm of(TerminalConfig c) {
        return new SettingsForm(c.reader().toString(), c.psam().toString(), c.center().map(Object::toString).orElse("embedded"),
                c.printer(), Locale.ENGLISH.getLanguage().equals(c.language().getLanguage()) ? "en" : "zh_CN", c.offlineMode().name(),
                Money.formatYuan(c.offlineLimits().perSaleFen()), Money.formatYuan(c.offlineLimits().perCardPerDayFen()),
                Money.formatYuan(c.offlineLimits().terminalTotalFen()), String.valueOf(c.offlineLimits().oldestRecordAge().toHours()));
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
        m.replaceAll((k, v) -> v == null ? "" : v.trim());
        return m;
    }
}
