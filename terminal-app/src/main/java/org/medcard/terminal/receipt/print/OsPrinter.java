package org.medcard.terminal.receipt.print;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.print.PrintService;
import javax.print.PrintServiceLookup;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.medcard.terminal.receipt.PrintFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a rendered PDF on a printer of the operating system ({@code printer = os:NAME}).
 *
 * <p>It takes the PDF as saved bytes and loads them afresh for printing: printing a document that was built in
 * memory and never saved can lose subset fonts' glyphs (PDFBOX-4545); a saved-and-reloaded document prints
 * what the file shows. Each page's own size is used (80 mm roll or A4), so a roll receipt is not scaled.
 *
 * <p>Blocks until the job is spooled; call from the printing thread, never the UI thread.
 */
public final class OsPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(OsPrinter.class);

    private final Supplier<PrintService[]> services;

    /** Uses the system's print services. */
    public OsPrinter() {
        this(() -> PrintServiceLookup.lookupPrintServices(null, null));
    }

    /** @param services where print services are looked up (the system's, in production) */
    public OsPrinter(Supplier<PrintService[]> services) {
        this.services = services;
    }

    /**
     * @param pdf the saved PDF, e.g. from {@code PdfReceiptRenderer.render}
     * @param printerName the printer's name as the system lists it
     * @param jobName shown in the print queue (use the document kind and number, never a patient's ID number)
     * @throws PrintFault when the printer does not exist or the job fails
     */
    public void print(byte[] pdf, String printerName, String jobName) {
        PrintService service = find(printerName).orElseThrow(() -> new PrintFault("printer '" + printerName
                + "' not found; printers present: " + names() + " (check printer = os:NAME)"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName);
            job.setPageable(pageable(doc));
            job.print();
            LOG.info("Sent {} ({} page(s)) to printer '{}'", jobName, doc.getNumberOfPages(), printerName);
        } catch (IOException e) {
            throw new PrintFault("the PDF for " + jobName + " could not be read back for printing: " + e.getMessage(), e);
        } catch (PrinterException e) {
            throw new PrintFault("printer '" + printerName + "' failed on " + jobName + ": " + e.getMessage(), e);
        }
    }

    /** The pages as the print system sees them: each at its own size, not scaled. */
    static PDFPageable pageable(PDDocument reloaded) {
        return new PDFPageable(reloaded);
    }

    Optional<PrintService> find(String printerName) {
        return Arrays.stream(services.get()).filter(s -> s.getName().equals(printerName)).findFirst();
    }

    private String names() {
        String names = Arrays.stream(services.get()).map(PrintService::getName).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
