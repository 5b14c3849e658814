package org.medcard.terminal.receipt.escpos;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints documents on an ESC/POS printer. Owns its port; used from one printing thread.
 */
public final class EscPosPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);

    private final EscPosWriter writer;
    private final EscPosPort port;

    public EscPosPrinter(EscPosWriter writer, EscPosPort port) {
        this.writer = writer;
        this.port = port;
    }

    /**
     * @param openDrawer kick the cash drawer open (the till gives or takes cash)
     * @throws org.medcard.terminal.receipt.PrintFault when the printer fails; reprint from the same data
     */
    public void print(ReceiptDocument document, boolean openDrawer) {
        print(document.toSheet(), openDrawer);
    }

    /** Prints an already composed sheet (a reprint carries its REPRINT banner in the sheet). */
    public void print(Sheet sheet, boolean openDrawer) {
        byte[] job = writer.write(sheet, openDrawer);
        port.send(job);
        LOG.info("Printed {} on {} ({} bytes)", sheet.kind(), port.name(), job.length);
    }

    @Override
    public void close() {
        port.close();
    }
}
