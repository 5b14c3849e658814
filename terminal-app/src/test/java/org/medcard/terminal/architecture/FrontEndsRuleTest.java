package org.medcard.terminal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.medcard.terminal.ReceiptWiring;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.medcard.terminal.receipt.desk.ReceiptPrinter;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;

/**
 * {@link HouseRulesTest#frontEndsNeverConstructCoreServices} on a fixture CLI class: wiring a receipt desk of its own
 * (journal, renderer, printer, OS spooler, desk) is caught, one line per constructor; taking it from the root's
 * {@link ReceiptWiring} is not.
 */
class FrontEndsRuleTest {

    @Test
    void aCliClassThatBuildsItsOwnReceiptDesk_breaksTheRule_theRootsWiringDoesNot() throws Exception {
        JavaClasses classes = new ClassFileImporter().importClasses(Class.forName("org.medcard.terminal.cli.WiresItsOwnReceiptDesk"),
                ReceiptWiring.class, ReceiptDesk.class, ReceiptJournal.class, ReceiptPrinter.class, PdfReceiptRenderer.class,
                OsPrinter.class);

        EvaluationResult result = HouseRulesTest.frontEndsNeverConstructCoreServices.evaluate(classes);

        assertTrue(result.hasViolation());
        List<String> called = result.getFailureReport().getDetails().stream()
                .map(line -> line.replaceAll("^.*calls constructor <(.*)> in \\(.*$", "$1")).sorted().toList();
        assertEquals(List.of("org.medcard.terminal.receipt.desk.ReceiptDesk.<init>(org.medcard.terminal.receipt.desk.ReceiptJournal, "
                        + "org.medcard.terminal.receipt.pdf.PdfReceiptRenderer, org.medcard.terminal.config.ReceiptSettings, "
                        + "org.medcard.terminal.receipt.desk.ReceiptPrinter, java.time.Clock)",
                "org.medcard.terminal.receipt.desk.ReceiptJournal.<init>(org.medcard.terminal.store.TerminalDb)",
                "org.medcard.terminal.receipt.desk.ReceiptPrinter.<init>(org.medcard.terminal.config.PrinterChoice, "
                        + "org.medcard.terminal.receipt.print.OsPrinter)",
                "org.medcard.terminal.receipt.pdf.PdfReceiptRenderer.<init>(org.medcard.terminal.receipt.pdf.FontCache)",
                "org.medcard.terminal.receipt.print.OsPrinter.<init>()"), called, String.join("\n", result.getFailureReport().getDetails()));
    }
}
