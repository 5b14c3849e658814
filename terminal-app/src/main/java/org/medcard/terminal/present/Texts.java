package org.medcard.terminal.present;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import org.medcard.terminal.config.Money;

/**
 * One screen's strings in the terminal's language: a resource bundle (English base, {@code _zh_CN} Simplified
 * Chinese) read once. Patterns with arguments are {@link MessageFormat} patterns in the bundle's locale.
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle {@code baseName} (e.g. {@code org.medcard.terminal.present.counter.counter}) in {@code locale}. */
    public static Texts of(String baseName, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        // A missing zh_CN falls back to the base (English), never to the JVM's default locale.
        return new Texts(ResourceBundle.getBundle(baseName, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so a test or a screenshot catches it. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Locale locale() {
        return locale;
    }

    /** Fen as yuan with two decimals and the currency sign, the same in both languages: ¥12.50. */
    public static String yuan(long fen) {
        return "¥" + Money.formatYuan(fen);
    }
}
