package org.medcard.terminal.present.supervisor;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** This screen's strings ({@code texts.properties}, English and Simplified Chinese) in the terminal's language. */
final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.medcard.terminal.present.supervisor.texts", locale,
                // English must not fall back to the machine's default locale (a Chinese Windows) before the base bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
