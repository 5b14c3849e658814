package org.medcard.terminal.present.counter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.escpos.EscPosPrinter;
import org.medcard.terminal.receipt.escpos.EscPosWriter;
import org.medcard.terminal.receipt.escpos.SerialEscPosPort;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;

/**
 * Receipts through the existing receipt package as the {@code printer} setting says: {@code os:NAME} renders the
 * 80 mm PDF and prints it through the OS, {@code escpos:/dev/...} writes ESC/POS bytes to the serial printer,
 * {@code none} has no printer (save the PDF instead). PDFs go to {@code <data dir>/receipts/}.
 */
public final class ConfiguredReceiptOutput implements ReceiptOutput {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int ESC_POS_BAUD = 9600;

    private final TerminalConfig config;
    private final PdfReceiptRenderer renderer;
    private final OsPrinter osPrinter;
    private final Clock clock;

    public ConfiguredReceiptOutput(TerminalConfig config, PdfReceiptRenderer renderer, OsPrinter osPrinter, Clock clock) {
        this.config = config;
        this.renderer = renderer;
        this.osPrinter = osPrinter;
        this.clock = clock;
    }

    @Override
    public String print(ReceiptDocument document) {
        String printer = config.printer();
        if (printer.startsWith("os:")) {
            String name = printer.substring(3);
            osPrinter.print(renderer.render(document, PaperFormat.ROLL_80MM), name, "MedCard receipt");
            return name;
        }
        if (printer.startsWith("escpos:")) {
            String device = printer.substring(7);
            try (EscPosPrinter p = new EscPosPrinter(new EscPosWriter(EscPosWriter.COLUMNS_80MM, false),
                    new SerialEscPosPort(device, ESC_POS_BAUD))) {
                p.print(document, false);
            }
            return device;
        }
        throw new IllegalStateException("no printer is configured (printer = none): save the receipt as PDF");
    }

    @Override
    public String savePdf(ReceiptDocument document) {
        Path dir = config.dataDir().resolve("receipts");
        Path file = dir.resolve("receipt-" + FILE_TIME.format(LocalDateTime.now(clock)) + ".pdf");
        // owner-only from its creation, and never over an earlier receipt saved in the same second
        return org.medcard.terminal.security.OutputFiles.writeUnique(file, renderer.render(document, PaperFormat.ROLL_80MM)).toString();
    }
}
