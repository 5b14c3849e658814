package org.medcard.terminal.present.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.present.counter.ReceiptOutput;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.desk.ReceiptDesk;

/** The desk slip the registration, queue and void models share, with an in-memory receipt output. */
class DeskSlipTest {

    private static final String NONE = "No void receipt to print yet: void a settlement first.";

    /** Numbers each issued document from 41 and records every copy. */
    static final class MemoryOutput implements ReceiptOutput {
        final List<ReceiptDocument> journal = new ArrayList<>();
        final List<String> copies = new ArrayList<>();
        RuntimeException printFault;

        @Override
        public ReceiptDesk.Issued issue(ReceiptDocument document) {
            journal.add(document);
            return ReceiptDesk.Issued.original(40 + journal.size(), document);
        }

        @Override
        public String print(ReceiptDesk.Issued receipt) {
            if (printFault != null) {
                throw printFault;
            }
            copies.add("print " + receipt.id());
            return "escpos:/dev/usb/lp0";
        }

        @Override
        public String savePdf(ReceiptDesk.Issued receipt) {
            copies.add("save " + receipt.id());
            return "/data/receipts/void-receipt-" + receipt.id() + ".pdf";
        }
    }

    private final MemoryOutput output = new MemoryOutput();

    @Test
    void withoutAnOutcomeSlip_theDeskSaysItsOwnLine_andComposesNothing() {
        DeskSlip slip = new DeskSlip(NONE);
        assertFalse(slip.wired());
        assertFalse(slip.ready());
        assertEquals(new OutcomeSlip.Copy(NONE, true), slip.copy(true));
        assertFalse(slip.replace(() -> {
            throw new AssertionError("not composed without a slip");
        }));
    }

    @Test
    void beforeTheFirstDocument_theDesksLine_thenTheCopiesOfTheOneJournalEntry() {
        DeskSlip slip = new DeskSlip(NONE).keep(new OutcomeSlip(output, Locale.ENGLISH));
        assertEquals(new OutcomeSlip.Copy(NONE, true), slip.copy(false), "the desk's own words, not the generic line");

        assertTrue(slip.replace(() -> Optional.of(SampleDocuments.registration(false))));
        assertTrue(slip.ready());
        assertEquals(new OutcomeSlip.Copy("Slip No. 41 printed on escpos:/dev/usb/lp0.", false), slip.copy(true));
        assertEquals(new OutcomeSlip.Copy("Slip No. 41 saved as /data/receipts/void-receipt-41.pdf", false), slip.copy(false));
        assertEquals(List.of("print 41", "save 41"), output.copies);
        assertEquals(1, output.journal.size(), "copies never journal again");
    }

    @Test
    void aRefusalAfterAnOutcome_leavesNothingToPrint_norDoesADocumentThatCannotBeComposed() {
        DeskSlip slip = new DeskSlip(NONE).keep(new OutcomeSlip(output, Locale.ENGLISH));
        slip.replace(() -> Optional.of(SampleDocuments.registration(false)));
        slip.replace(Optional::empty);
        assertFalse(slip.ready(), "the previous patient's slip is forgotten");
        assertEquals(new OutcomeSlip.Copy(NONE, true), slip.copy(true));

        slip.replace(() -> Optional.of(SampleDocuments.registration(false)));
        slip.replace(() -> {
            throw new IllegalStateException("no original sale");
        });
        assertFalse(slip.ready());
        assertEquals(1 + 1, output.journal.size());
    }

    @Test
    void aCopyThatFails_saysSoInOneLineWithTheNextStep() {
        DeskSlip slip = new DeskSlip(NONE).keep(new OutcomeSlip(output, Locale.ENGLISH));
        slip.replace(() -> Optional.of(SampleDocuments.registration(false)));
        output.printFault = new IllegalStateException("printer offline");
        assertEquals(new OutcomeSlip.Copy("The slip could not be printed or saved (printer offline). It is recorded; save the PDF or try again.",
                true), slip.copy(true));
        assertTrue(slip.ready(), "the slip stays for another try");
    }

    @Test
    void aKeyOnTheUiThread_showsTheNoneLineAtOnce_orHandsTheCopyToTheDesksWorker() {
        DeskSlip slip = new DeskSlip(NONE).keep(new OutcomeSlip(output, Locale.ENGLISH));
        List<OutcomeSlip.Copy> shown = new ArrayList<>();
        List<java.util.function.Supplier<OutcomeSlip.Copy>> toWorker = new ArrayList<>();
        slip.copy(true, shown::add, toWorker::add);
        assertEquals(List.of(new OutcomeSlip.Copy(NONE, true)), shown);
        assertTrue(toWorker.isEmpty(), "nothing to copy: the worker is not bothered");

        slip.replace(() -> Optional.of(SampleDocuments.registration(false)));
        slip.copy(false, shown::add, toWorker::add);
        assertEquals(1, toWorker.size());
        assertTrue(output.copies.isEmpty(), "the copy is made on the worker, not on the UI thread");
        assertEquals(new OutcomeSlip.Copy("Slip No. 41 saved as /data/receipts/void-receipt-41.pdf", false), toWorker.get(0).get());
        assertEquals(List.of("save 41"), output.copies);
    }
}
