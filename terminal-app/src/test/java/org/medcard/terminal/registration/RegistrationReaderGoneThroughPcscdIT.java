package org.medcard.terminal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.Fault;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.e2e.PcscdRig;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.status.PartState;

/**
 * Issue 14's "a missing reader leads to a cash sale with an entry at both desks, re-settled later with the refund", at
 * the hospital's registration desk through the real pcscd + vpcd (the pharmacy counter's is
 * {@code ReaderGoneCashThroughPcscdIT}): mid-day the reader goes away (the PC/SC service dies, which is how a reader
 * gone looks to the terminal; vpcd cannot take a reader out of pcscd's list), the registration fee is paid in cash
 * with the ID number typed by the clerk and becomes an entry; once the reader is back the patient's card re-settles
 * it and the insured shares are handed back. Figures are read from the queue's entry book, the card and the center.
 */
class RegistrationReaderGoneThroughPcscdIT {

    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final long D01_FEE = 5_000; // internal medicine's registration fee, 50.00

    @TempDir
    Path dir;

    @Test
    void R11_readerGoneMidDay_registrationFeePaidInCashWithAnEntry_reSettledWithTheCardWhenTheReaderIsBack_refundHandedBack()
            throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-3des");
            String idNumber = card.profile().psnCertNo();
            try (Terminal t = TrainingTerminals.open(dir.resolve("terminal"), Map.of("language", "en",
                    "institution.kind", "HOSPITAL",
                    "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER))) {
                RegistrationDesk desk = t.registrationDesk(DepartmentCatalog.bundled());
                t.devices().watchReaders();
                awaitTrue(() -> t.state().reader().isOk(), "reader OK");
                // The morning: a visit with the card (it also credits the card's pending monthly money, R15).
                var morning = desk.register("D02", Optional.empty(), true, RIGHT_PIN, "clerk01");
                assertTrue(t.queue().messages(OutboxState.DONE).stream().anyMatch(m -> m.transaction().equals("2207")),
                        "the morning's visit paid with the card: " + morning);
                long afterMorning = card.state().balance();

                rig.killPcscd();
                awaitTrue(() -> t.state().reader().health() == PartState.Health.FAULT, "the reader shown at fault");

                var fee = desk.register("D01", Optional.empty(), PaidFor.cardholder(), true, RIGHT_PIN, "clerk01", Optional.of(idNumber));

                List<ResettlementEntry> open = t.queue().resettlements(ResettlementState.OPEN);
                assertEquals(1, open.size(), "one entry for the fee paid in cash: " + fee);
                ResettlementEntry entry = open.get(0);
                assertEquals(D01_FEE, entry.cashPaidFen(), "the whole fee in cash");
                assertEquals(idNumber, entry.psnCertNo(), "the ID number the clerk typed");
                assertNotEquals(Fault.CENTER_UNREACHABLE, entry.fault(), "a device fault, the center was fine");
                assertNotEquals(Fault.CENTER_ERROR, entry.fault());
                assertEquals(afterMorning, card.state().balance(), "the card was not touched");

                rig.startPcscd();
                awaitTrue(() -> t.state().reader().isOk(), "the reader back by itself");
                assertTrue(rig.cardVisible(Duration.ofSeconds(10)), "the card still in the slot is seen again");
                long before = card.state().balance();

                ResettleDesk resettle = t.resettleDesk();
                assertEquals(1, resettle.registerOpenEntries(), "the entry registered with the center (8400)");
                var back = resettle.settle(entry.entryNo(), "clerk01", RIGHT_PIN, OptionalLong.empty());

                ResettlementEntry done = t.queue().resettlement(entry.entryNo()).orElseThrow();
                assertEquals(ResettlementState.SETTLED, done.state(), back.toString());
                assertEquals(D01_FEE, done.refundFen(), "the insured shares of the fee handed back: " + back);
                assertEquals(done.fundPayFen() + done.acctPayFen(), done.refundFen());
                assertEquals(before - done.acctPayFen(), card.state().balance(), "the account share debited once, with the card");
                assertEquals(before - done.acctPayFen(), TrainingTerminals.shadowBalance(t, card.profile().cardNo()),
                        "the center's shadow balance is the card's");
                assertTrue(done.originalTime().startsWith(LocalDate.now(TrainingTerminals.CLOCK).toString()),
                        "settled as of the day of the fault: " + done.originalTime());
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(20);
        }
    }
}
