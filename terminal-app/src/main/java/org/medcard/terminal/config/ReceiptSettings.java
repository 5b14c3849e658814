package org.medcard.terminal.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How receipts are made and where they go: the {@code receipt.font}, {@code receipt.paper} and {@code printer}
 * settings, validated.
 *
 * @param font a TrueType CJK font file checked at start, or {@code null}: the system's fonts are searched
 * @param paper the paper receipts are laid out for
 * @param printer where {@code --print} and the app's print button send them
 */
public record ReceiptSettings(Path font, Paper paper, PrinterChoice printer) {

    /** The paper sizes the renderer lays out. */
    public enum Paper {
        /** 80 mm thermal roll. */
        ROLL_80MM,
        A4;

        static Paper parse(String s) {
            return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "80MM", "80", "ROLL", "ROLL_80MM" -> ROLL_80MM;
                case "A4" -> A4;
                default -> throw new IllegalArgumentException("'" + s + "' is not a paper size");
            };
        }
    }

    public ReceiptSettings {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(printer, "printer");
    }

    /** No configured font, 80 mm paper, no printer. */
    public static ReceiptSettings defaults() {
        return new ReceiptSettings(null, Paper.ROLL_80MM, PrinterChoice.none());
    }
}
