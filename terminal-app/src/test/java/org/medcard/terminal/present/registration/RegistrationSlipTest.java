package org.medcard.terminal.present.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 15, print/save on every outcome: the registration desk journals the registration slip (fee paid at once) and
 * the visit's settlement receipt, keeps the last one, prints it on the configured printer (an ESC/POS device that is
 * a real file) and saves it as an owner-only PDF from that journal entry, and says so. Training hospital terminal,
 * inline executors, the recording view.
 */
class RegistrationSlipTest {

    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;
    private Terminal terminal;
    private final RecordingRegistrationView view = new RecordingRegistrationView();

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void afterRegisteringAndAfterSettling_printAndSaveCopyThatOutcomesJournalledDocument() throws Exception {
        Path printer = Files.createFile(dir.resolve("printer.bin"));
        terminal = TrainingTerminals.open(dir, Map.of("institution.kind", "HOSPITAL", "language", "en", "printer", "escpos:" + printer));
        RegistrationDeskModel model = new RegistrationDeskModel(terminal.registrationDesk(DepartmentCatalog.bundled()), terminal.visitTexts(),
                DepartmentCatalog.bundled(),
                terminal.language(), () -> "clerk01", view, INLINE, INLINE)
                .keepSlipsIn(terminal.visitDocuments(), new OutcomeSlip(new DeskReceiptOutput(terminal.receipts(), dir.resolve("receipts")),
                        Locale.ENGLISH));
        model.printSlip();
        assertEquals(List.of("No slip to print yet: register or settle a visit first."), view.messages);
        assertFalse(model.slipReady());
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");

        model.register("D01", Optional.empty(), true);
        assertEquals(VisitOutcome.Kind.SETTLED, view.last().outcome().kind(), view.last().detail());
        assertTrue(model.slipReady(), "the registration slip's Issued is kept");
        List<ReceiptJournal.Entry> journalled = terminal.receipts().listAll();
        assertEquals(List.of("registration-slip"), journalled.stream().map(ReceiptJournal.Entry::kind).toList());
        long slip = journalled.get(0).id();

        view.messages.clear();
        model.printSlip();
        assertEquals(List.of("Slip No. " + slip + " printed on " + terminal.receipts().printer().target() + "."), view.messages);
        assertTrue(Files.size(printer) > 0, "the ESC/POS bytes went to the printer");
        model.saveSlip();
        Path pdf = dir.resolve("receipts").resolve("registration-slip-" + slip + ".pdf");
        assertEquals("Slip No. " + slip + " saved as " + pdf, view.messages.get(1));
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(pdf));

        model.settle(view.last().outcome().visit().orElseThrow(), "XJ01CAA001:2");
        assertEquals(VisitOutcome.Kind.SETTLED, view.last().outcome().kind(), view.last().detail());
        journalled = terminal.receipts().listAll();
        assertEquals(2, journalled.size(), "the settlement's receipt is journalled too, the slip not again: " + journalled);
        long receipt = journalled.stream().mapToLong(ReceiptJournal.Entry::id).filter(id -> id != slip).findFirst().orElseThrow();
        view.messages.clear();
        model.saveSlip();
        assertTrue(view.messages.get(0).startsWith("Slip No. " + receipt + " saved as "), "the last outcome's document: " + view.messages);

        // Issue 15: signed out, the next clerk's Ctrl+P / Ctrl+S cannot copy the previous patient's receipt.
        model.signedOut();
        assertFalse(model.slipReady());
        view.messages.clear();
        model.printSlip();
        model.saveSlip();
        assertEquals(List.of("No slip to print yet: register or settle a visit first.",
                "No slip to print yet: register or settle a visit first."), view.messages);
    }
}
