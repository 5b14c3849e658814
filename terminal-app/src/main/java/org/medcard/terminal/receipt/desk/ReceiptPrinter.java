package org.medcard.terminal.receipt.desk;

import java.util.function.Supplier;

import org.medcard.terminal.config.PrinterChoice;
import org.medcard.terminal.receipt.PrintFault;
import org.medcard.terminal.receipt.escpos.EscPosPort;
import org.medcard.terminal.receipt.escpos.EscPosPrinter;
import org.medcard.terminal.receipt.escpos.EscPosWriter;
import org.medcard.terminal.receipt.print.OsPrinter;
import org.medcard.terminal.receipt.sheet.Sheet;

/**
 * Sends a receipt to the configured printer: the OS spooler gets the saved PDF, an ESC/POS printer gets the
 * sheet as printer bytes (80 mm, 48 columns). The serial port is opened per job and closed after it, so a
 * printer switched off and on again between two patients works again without restarting the terminal.
 * One printing thread at a time (callers hold no UI thread).
 */
public final class ReceiptPrinter {

    private final PrinterChoice choice;
    private final OsPrinter osPrinter;

    public ReceiptPrinter(PrinterChoice choice, OsPrinter osPrinter) {
        this.choice = choice;
        this.osPrinter = osPrinter;
    }

    public PrinterChoice choice() {
        return choice;
    }

    /**
     * @param pdf the saved PDF bytes, made only when the OS printer needs them
     * @param jobName the spooler job's name: the document kind and receipt number, never a patient
     * @param openDrawer kick the cash drawer (ESC/POS only; an OS printer's driver decides that itself)
     * @throws PrintFault when no printer is configured or the printer fails
     */
    public synchronized void print(Sheet sheet, Supplier<byte[]> pdf, String jobName, boolean openDrawer) {
        switch (choice.kind()) {
            case NONE -> throw new PrintFault("no printer is configured: set printer=os:PRINTER NAME or"
                    + " printer=escpos:/dev/ttyUSB1@9600 in medcard.properties, or save the receipt as a PDF");
            case OS -> osPrinter.print(pdf.get(), choice.target(), jobName);
            case ESCPOS -> {
                try (EscPosPrinter printer = new EscPosPrinter(new EscPosWriter(EscPosWriter.COLUMNS_80MM, false),
                        EscPosPort.open(choice.target(), choice.baud()))) {
                    printer.print(sheet, openDrawer);
                }
            }
        }
    }
}
