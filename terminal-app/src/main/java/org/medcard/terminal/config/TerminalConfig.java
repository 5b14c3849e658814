package org.medcard.terminal.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.medcard.queue.OfflineMode;

/**
 * The terminal's validated, frozen configuration (built by {@link ConfigLoader}; one composition root reads
 * it). A {@code null} center URL means the embedded simulated center on loopback.
 *
 * @param terminalNumber the terminal's two-digit number within the institution (part of every {@code msgid})
 * @param pinExemptBelowFen sales below this amount need no PIN (0: always ask, business rule R10)
 * @param printer {@code none}, {@code os:PRINTER NAME} or {@code escpos:/dev/ttyUSB1} (as written; parsed in {@code receipt})
 * @param receipt the receipt font, paper and printer, validated (null: system fonts, 80 mm, the printer as written)
 * @param centerTls trust store and client key store for HTTPS to the center (docs/security.md; null: the JDK's defaults)
 * @param pcscProvider which PC/SC implementation a {@code pcsc:} reader uses: {@code jna} (ours, recovers from a
 *        service restart; the default and what null means) or {@code sun} (the JDK's SunPCSC, the fallback)
 * @param minFreeBytes {@code data.min_free_mb}: a card is not debited while less is free for the data folder
 */
public record TerminalConfig(
        String institutionCode,
        String institutionName,
        String region,
        TerminalKind kind,
        String terminalNumber,
        DeviceChoice reader,
        DeviceChoice psam,
        URI centerUrl,
        Path trustStore,
        Duration connectTimeout,
        Duration requestTimeout,
        OfflineMode offlineMode,
        OfflineLimitsConfig offlineLimits,
        long pinExemptBelowFen,
        int resettleMaxDays,
        String printer,
        Locale language,
        Path dataDir,
        ReceiptSettings receipt,
        CenterTls centerTls,
        String pcscProvider,
        long minFreeBytes) {

    public TerminalConfig {
        if (pcscProvider == null || pcscProvider.isBlank()) {
            pcscProvider = "jna";
        }
        if (receipt == null) {
            receipt = new ReceiptSettings(null, ReceiptSettings.Paper.ROLL_80MM,
                    printer == null ? PrinterChoice.none() : PrinterChoice.parse(printer));
        }
        if (centerTls == null) {
            centerTls = CenterTls.defaults();
        }
    }

    /** Whether anything simulated is in use: the terminal then says TRAINING MODE on every screen and receipt. */
    public boolean trainingMode() {
        return reader.isTraining() || psam.isTraining() || centerUrl == null;
    }

    public Optional<URI> center() {
        return Optional.ofNullable(centerUrl);
    }
}
