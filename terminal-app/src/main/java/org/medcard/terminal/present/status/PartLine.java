package org.medcard.terminal.present.status;

import java.util.Objects;

/**
 * One part in the status bar.
 *
 * @param label  the part's name (Reader, PSAM, Card, Center) in the terminal's language
 * @param light  its light
 * @param word   the word shown next to the light (OK, Fault, No card, ...)
 * @param detail the reason behind it (a tooltip / the fault text), may be empty
 */
public record PartLine(String label, Light light, String word, String detail) {
    public PartLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(word, "word");
        detail = detail == null ? "" : detail;
    }
}
