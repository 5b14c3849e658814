package org.medcard.terminal.present.supervisor;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.text.Texts;

/**
 * The settings screen's own check of each typed value, said in the UI's language with what to write instead
 * (issue 15: the terminal's ConfigLoader speaks English to technicians). It checks the form of every key of
 * docs/configuration.md; the loader runs after it and still has the last word (it opens the trust store with its
 * password, refuses plain http off loopback, …), its rare remaining findings shown under the setting's name.
 */
final class SettingsCheck {

    private static final Set<String> YUAN = Set.of("offline.limit.per_sale", "offline.limit.per_card_per_day", "offline.limit.terminal_total",
            "pin.exempt_below");
    private static final Set<String> WHOLE = Set.of("offline.limit.oldest_hours", "resettle.max_days", "center.connect_timeout_ms",
            "center.request_timeout_ms", "data.min_free_mb");
    private static final Set<String> FILES = Set.of("center.truststore", "center.keystore", "receipt.font");
    private static final Map<String, List<String>> CHOICES = Map.of(
            "institution.kind", List.of("PHARMACY", "HOSPITAL"),
            "pcsc.provider", List.of("jna", "sun"),
            "center.truststore.type", List.of("PKCS12", "JKS"),
            "center.keystore.type", List.of("PKCS12", "JKS"),
            "offline.mode", List.of("STORE_AND_FORWARD", "CASH_RESETTLE"),
            "receipt.paper", List.of("80mm", "A4"),
            "language", List.of("zh_CN", "en"));
    private static final Map<String, String> PATTERNS = Map.of(
            "institution.code", "[A-Z][0-9]{11}",
            "institution.region", "[0-9]{6}",
            "terminal.number", "[0-9]{2}");

    private final Texts texts;

    SettingsCheck(Texts texts) {
        this.texts = texts;
    }

    /** By key, one line per value that cannot be right ("Institution code: 'P1101' is not …. Write …"); empty when all look right. */
    Map<String, String> problems(Map<String, String> changed) {
        Map<String, String> out = new LinkedHashMap<>();
        changed.forEach((key, value) -> {
            String rule = rule(key, value);
            if (rule != null) {
                String shown = SettingsForm.secret(key) ? "•••" : value;
                out.put(key, texts.text("settings.rule." + rule, label(key), shown, String.join(" / ", CHOICES.getOrDefault(key, List.of()))));
            }
        });
        return out;
    }

    /** The rule {@code value} breaks, or null. */
    static String rule(String key, String value) {
        String v = value == null ? "" : value.trim();
        if (PATTERNS.containsKey(key)) {
            return v.matches(PATTERNS.get(key)) ? null : key.replace('.', '_');
        }
        if (CHOICES.containsKey(key)) {
            return CHOICES.get(key).stream().anyMatch(c -> c.equalsIgnoreCase(v)) ? null : "choice";
        }
        if (YUAN.contains(key)) {
            try {
                Money.parseYuan(v);
                return null;
            } catch (NumberFormatException e) {
                return v.contains(",") || v.contains("，") ? "yuan_comma" : "yuan";
            }
        }
        if (WHOLE.contains(key)) {
            return v.matches("[0-9]{1,9}") && Integer.parseInt(v) > 0 ? null : "whole";
        }
        if (FILES.contains(key)) {
            return v.isEmpty() || readable(v) ? null : "file";
        }
        return switch (key) {
            case "institution.name", "reader", "psam" -> v.isEmpty() ? "empty" : null;
            case "center.url" -> v.equals("embedded") || v.toLowerCase(Locale.ROOT).matches("https?://[^\\s]+") ? null : "url";
            case "printer" -> v.equals("none") || v.matches("(os|escpos):.+") ? null : "printer";
            case "data.dir" -> v.isEmpty() || usablePath(v) ? null : "path";
            default -> null;
        };
    }

    private static boolean readable(String file) {
        return usablePath(file) && Files.isReadable(Path.of(file));
    }

    private static boolean usablePath(String file) {
        try {
            Path.of(file);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private String label(String key) {
        return texts.text("setting." + key);
    }
}
