package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.ui.counter.TerminalCounterPorts;

/**
 * The counter's model against a real training terminal (simulated reader and PSAM, embedded center on loopback,
 * SQLite files in a temp folder) wired as the desktop wires it ({@link TerminalCounterPorts}), both executors inline
 * and a recording view: no display, no toolkit. {@link CounterModelTest} runs the same behaviour on in-memory ports.
 */
class CounterModelIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A
    private static final String IBUPROFEN = "XM01AEB002";   // 15.80, A

    @TempDir
    Path dir;

    private Terminal terminal;
    private RecordingCounterView view;
    private CounterModel model;
    private List<ReceiptDocument> saved;
    private List<ReceiptDocument> issued;

    @BeforeEach
    void open() {
        open(Map.of("language", "en"));
    }

    private void open(Map<String, String> config) {
        TrainingCounter counter = TrainingCounter.open(dir, config, RecordingReceiptOutput.withoutPrinter(dir.resolve("receipt.pdf").toString()));
        terminal = counter.terminal();
        view = counter.view();
        model = counter.model();
        issued = counter.receipts().issued;
        saved = counter.receipts().saved;
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void scanningACode_addsALine_andScanningItAgainAddsOneToIt() {
        model.scan(AMOXICILLIN);
        model.scan(" " + AMOXICILLIN + " ");
        model.scan(IBUPROFEN);

        List<CartLine> cart = view.lastCart();
        assertEquals(2, cart.size());
        assertEquals(AMOXICILLIN, cart.get(0).code());
        assertEquals(2, cart.get(0).quantity());
        assertEquals(2_500, cart.get(0).amountFen());
        assertEquals(1_580, cart.get(1).amountFen());
        assertEquals(4_080, model.totalFen());
        assertTrue(view.lastMessage().startsWith("Added "), view.lastMessage());
    }

    @Test
    void anUnknownCode_isSaidAndAddsNothing() {
        model.scan("NOSUCHCODE123");

        assertTrue(view.carts.isEmpty());
        assertEquals("No item with code or name \"NOSUCHCODE123\" in the catalog.", view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1));
    }

    @Test
    void searchByName_letsTheCashierChoose_andTheChoiceIsAdded() {
        view.chooser = matches -> matches.stream().filter(i -> i.code().equals("XC10AAR019")).findFirst();

        model.search("他汀");

        assertEquals(1, view.choices.size());
        assertTrue(view.choices.get(0).size() >= 2, "both statins match: " + view.choices.get(0));
        assertEquals("XC10AAR019", view.lastCart().get(0).code());
        assertEquals(4_680, model.totalFen());
    }

    @Test
    void searchWithNoChoice_addsNothing() {
        view.chooser = matches -> Optional.empty();

        model.search("片");

        assertEquals(1, view.choices.size());
        assertTrue(view.carts.isEmpty());
    }

    @Test
    void quantityChange_lineRemoval_andTheRunningTotal() {
        model.scan(AMOXICILLIN);
        model.scan(IBUPROFEN);

        model.setQuantity(0, 3);
        assertEquals(3 * 1_250 + 1_580, model.totalFen());

        model.setQuantity(1, 0);
        assertEquals("The quantity must be between 1 and 999.", view.lastMessage());
        assertEquals(3 * 1_250 + 1_580, model.totalFen());

        model.removeLine(0);
        assertEquals(1, model.lines().size());
        assertEquals(IBUPROFEN, model.lines().get(0).code());
        assertEquals(1_580, model.totalFen());

        model.clearSale();
        assertEquals(0, model.totalFen());
        assertTrue(view.lastCart().isEmpty());
    }

    @Test
    void payWithoutItemsOrWithoutCard_isRefusedWithWhatToDo() {
        model.pay();
        assertEquals("Scan at least one item first.", view.lastMessage());

        model.scan(AMOXICILLIN);
        model.pay();
        assertEquals("Insert the patient card first.", view.lastMessage());
        assertTrue(view.offers.isEmpty());
    }

    @Test
    void insertingACard_showsHolderMaskedNumbersSchemeAndAGreenBanner() {
        model.presentTrainingCard("normal-3des");

        CardPanel c = view.lastCard();
        assertTrue(c.present());
        assertEquals("张伟", c.name());
        assertEquals("110***********1235", c.idMasked());
        assertTrue(c.cardMasked().contains("*"), c.cardMasked());
        assertEquals("Employee", c.scheme());
        assertEquals(CardPanel.Banner.OK, c.banner());
        assertEquals("Card OK", c.bannerText());
        assertTrue(c.balanceFen().orElseThrow() > 0);
    }

    @Test
    void removingTheCard_clearsThePanel_andTheStatusBarSaysNoCard() {
        model.presentTrainingCard("normal-3des");
        assertTrue(terminal.state().card().isOk());

        model.removeTrainingCard();

        assertFalse(view.lastCard().present());
        assertEquals("Insert the patient card.", view.lastCard().bannerText());
        assertEquals("no card", terminal.state().card().reason());
    }

    @Test
    void R5_frozenCard_showsARedBannerWithTheRule_andPayNeverReachesTheSplit() {
        model.presentTrainingCard("frozen");

        CardPanel c = view.lastCard();
        assertEquals(CardPanel.Banner.REFUSED, c.banner());
        assertEquals(terminal.messages().text("status.frozen"), c.bannerText());
        assertTrue(c.bannerText().contains("(R5)"), c.bannerText());

        model.scan(AMOXICILLIN);
        model.pay();
        assertEquals(c.bannerText(), view.lastMessage());
        assertTrue(view.offers.isEmpty());
        assertTrue(view.done.isEmpty());
    }

    @Test
    void R5_theRefusalOfOnePatient_isClearedWhenTheNextPatientsCardComes() {
        model.presentTrainingCard("frozen");
        model.scan(AMOXICILLIN);
        model.pay();
        assertEquals(terminal.messages().text("status.frozen"), view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1));

        model.presentTrainingCard("low-balance");

        assertEquals(CardPanel.Banner.OK, view.lastCard().banner());
        assertFalse(view.lastMessage().contains(terminal.messages().text("status.frozen")), view.lastMessage());
        assertFalse(view.problems.get(view.problems.size() - 1), "the line under the green panel is not red");
        assertEquals("Card read: scan the items, then pay.", view.lastMessage());
    }

    @Test
    void R11_anIdNumberWithAWrongCheckDigit_saysWhichDigitIsRight_andAsksAgain() {
        terminal.close();
        open(Map.of("language", "en", "offline.mode", "CASH_RESETTLE"));
        model.presentTrainingCard("normal-3des");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        model.scan(AMOXICILLIN);
        view.idNumbers.add("110101197805211234");  // the right check digit is 5

        model.pay();

        assertEquals(2, view.idQuestions.size(), view.idQuestions.toString());
        assertEquals("The check digit of the ID number is wrong: for these 17 digits it must be 5. Check the ID card and"
                + " type the number again.", view.idQuestions.get(1));
        SaleDone d = view.done.get(view.done.size() - 1);
        assertFalse(d.served());
        assertTrue(d.message().contains("it must be 5"), d.message());
        assertEquals(0, terminal.queue().summary().openResettlements(), "nothing was recorded");

        view.idNumbers.add("110101197805211234");
        view.idNumbers.add("110101197805211235");
        model.pay();
        SaleDone served = view.done.get(view.done.size() - 1);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, served.kind(), served.message());
        assertEquals(1, terminal.queue().summary().openResettlements());
    }

    @Test
    void R8_lostCard_isRefusedWithItsRule() {
        model.presentTrainingCard("lost");

        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("(R8)"), view.lastCard().bannerText());
    }

    @Test
    void R4_suspendedCard_isUsableWithAnAmberNote() {
        model.presentTrainingCard("suspended");

        assertEquals(CardPanel.Banner.WARNING, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("(R4)"), view.lastCard().bannerText());
    }

    @Test
    void fullSale_showsTheSplitBeforeTheDebit_asksThePinMasked_wipesIt_andEndsSettledWithAReceipt() {
        model.presentTrainingCard("normal-3des");
        model.scan(AMOXICILLIN);
        model.scan(AMOXICILLIN);
        view.pins.add("123456");

        model.pay();

        assertEquals(1, view.offers.size());
        SplitOffer offer = view.offers.get(0);
        assertEquals(2_500, offer.totalFen());
        assertEquals(0, offer.fundFen());
        assertEquals(2_500, offer.accountFen());
        assertEquals(0, offer.cashFen());
        assertEquals("张伟", offer.holderName());
        assertEquals(1, view.pinQuestions);
        assertEquals("\0\0\0\0\0\0", new String(view.pinsHandedOut.get(0)), "the PIN array is wiped after VERIFY");

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, d.kind(), d.message());
        assertTrue(d.served());
        assertEquals(2_500, d.accountFen());
        assertEquals(0, d.changeFen());
        assertTrue(d.hasReceipt());
        assertTrue(view.lastCart().isEmpty(), "a served sale empties the cart");
        assertEquals(d.balanceFen().orElseThrow(), view.lastCard().balanceFen().orElseThrow(), "the card panel shows the balance after the sale");
        assertEquals(List.of(true, false), view.busy);

        assertEquals(1, issued.size(), "journalled when the sale ended, before any copy");
        model.saveReceipt();
        assertEquals(1, saved.size());
        assertEquals(1, issued.size(), "saving does not journal it twice");
        assertEquals("Receipt No. 1 saved: " + dir.resolve("receipt.pdf"), view.lastMessage());
        model.printReceipt();
        assertTrue(view.lastMessage().startsWith("The receipt could not be printed or saved (no printer is configured"),
                view.lastMessage());
    }

    @Test
    void goingBackAtTheSplit_cancels_nothingIsDebited_andTheCartStays() {
        model.presentTrainingCard("low-balance");
        long before = view.lastCard().balanceFen().orElseThrow();
        model.scan(IBUPROFEN);
        view.splitAnswers.add(SplitAnswer.back());

        model.pay();

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.REFUSED, d.kind());
        assertEquals(terminal.messages().text("sale.cancelled"), d.message());
        assertEquals(0, view.pinQuestions, "no PIN after going back");
        assertEquals(1, model.lines().size(), "the cart stays for another try");
        model.removeTrainingCard();
        model.presentTrainingCard("low-balance");
        assertEquals(before, view.lastCard().balanceFen().orElseThrow(), "the card was not debited");
    }

    @Test
    void cashShare_needsEnoughCashTendered_andTheChangeIsComputed() {
        model.presentTrainingCard("low-balance"); // 3.50 on the card
        model.scan(AMOXICILLIN);                  // 12.50
        view.splitAnswers.add(SplitAnswer.confirm(500));   // 5.00: short of the 9.00 cash share
        view.splitAnswers.add(SplitAnswer.confirm(1_000)); // 10.00
        view.pins.add("123456");

        model.pay();

        assertEquals(2, view.offers.size(), "asked again after the short amount");
        assertEquals(350, view.offers.get(0).accountFen());
        assertEquals(900, view.offers.get(0).cashFen());
        assertTrue(view.messages.contains("The cash tendered is ¥4.00 short."), view.messages.toString());
        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, d.kind(), d.message());
        assertEquals(900, d.cashFen());
        assertEquals(1_000, d.tenderedFen());
        assertEquals(100, d.changeFen());
        assertEquals(0, d.balanceFen().orElseThrow());
    }

    @Test
    void R10_wrongPin_isRefused_andNothingIsServed() {
        model.presentTrainingCard("low-balance");
        model.scan(AMOXICILLIN);
        view.pins.add("000000");

        model.pay();

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.REFUSED, d.kind());
        assertFalse(d.served());
        assertTrue(d.message().startsWith("Wrong PIN"), d.message());
        assertEquals(1, model.lines().size());
    }

    @Test
    void R3_familyPayment_offersTheBoundMembers_andPaysForTheChosenOne() {
        model.presentTrainingCard("employee-family");
        CardPanel c = view.lastCard();
        assertEquals(3, c.family().size(), "spouse, child and parent from 1101");
        var childMember = c.family().stream().filter(m -> m.relation().equals("CHILD")).findFirst().orElseThrow();
        String child = childMember.psnNo();
        assertEquals(childMember.name() + " (child)", model.familyLabel(childMember), "issue 15: the relation by name, not CHILD");

        model.payFor(PaidFor.familyMember("99999999999999999999"));
        assertEquals(terminal.messages().text("sale.family_unknown"), view.lastMessage());
        assertTrue(model.beneficiary().isEmpty());

        model.payFor(PaidFor.familyMember(child));
        model.scan(AMOXICILLIN);
        view.pins.add("123456");
        model.pay();

        SplitOffer offer = view.offers.get(0);
        assertEquals(Optional.of(model.familyLabel(childMember)), offer.beneficiary(), "issue 15: the split names the member and the relation by name");
        assertEquals(0, offer.fundFen(), "R3: no pooling for a family member");
        assertEquals(SaleOutcome.Kind.SETTLED, view.done.get(0).kind(), view.done.get(0).message());
        assertTrue(model.beneficiary().isEmpty(), "the next sale is for the holder again");
    }

    @Test
    void R3_noFamilyOfferForAResidentCard() {
        model.presentTrainingCard("normal-sm4");
        assertTrue(view.lastCard().family().isEmpty());
        assertEquals("Resident", view.lastCard().scheme());
    }

    @Test
    void aNameBeyondTheBmp_reachesThePanelWhole() {
        model.presentTrainingCard("rare-name");
        assertEquals("𠮷祥云", view.lastCard().name());
        assertEquals(0x20BB7, view.lastCard().name().codePointAt(0));
    }

    @Test
    void receiptBeforeAnySale_isSaid() {
        model.saveReceipt();
        assertEquals("No receipt for this sale.", view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1));
    }

    // ---------------------------------------------------------------- issue 14: the fault path at the counter

    @Test
    void R11_aMissingReader_turnsTheReaderRedAtOnce_andF12GoesToCashWithAnEntryOnTheReceipt() {
        terminal.close();
        open(Map.of("language", "en", "reader", "serial:/dev/ttyUSB9"));
        model.pollCard();

        assertEquals(org.medcard.terminal.status.PartState.Health.FAULT, terminal.state().reader().health(),
                terminal.state().reader().toString());
        assertFalse(view.lastCard().present());
        assertEquals("serial /dev/ttyUSB9: serial port is not there (reader unplugged or switched off?)",
                terminal.state().reader().reason(), "what the reader said, no enum name");

        model.scan(AMOXICILLIN);
        view.idNumbers.add("110101197805211235");
        model.pay();

        assertEquals(1, view.idQuestions.size(), "F12 asks for the ID number, not for the card: " + view.messages);
        assertTrue(view.idQuestions.get(0).contains(terminal.messages().faultName(org.medcard.queue.Fault.NO_READER)),
                view.idQuestions.get(0));
        assertEquals(1, view.offers.size());
        assertEquals(1_250, view.offers.get(0).cashFen(), "all cash");
        SaleDone d = view.done.get(view.done.size() - 1);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, d.kind(), d.message());
        assertTrue(d.served());
        assertTrue(d.hasReceipt());
        assertEquals(1, terminal.queue().summary().openResettlements());
        String entryNo = terminal.queue().resettlements(org.medcard.queue.ResettlementState.OPEN).get(0).entryNo();
        assertTrue(d.message().contains(entryNo), d.message());
        assertTrue(view.lastCart().isEmpty(), "a served sale empties the cart");
    }

    @Test
    void R11_aWrongCheckDigitAfterAReaderFault_saysTheRightDigit_andRecordsNothing() {
        terminal.close();
        open(Map.of("language", "en", "reader", "serial:/dev/ttyUSB9"));
        model.pollCard();
        model.scan(AMOXICILLIN);
        view.idNumbers.add("110101197805211234");

        model.pay();

        assertEquals(2, view.idQuestions.size(), view.idQuestions.toString());
        assertTrue(view.idQuestions.get(1).contains("it must be 5"), view.idQuestions.get(1));
        assertEquals(0, terminal.queue().summary().openResettlements());
    }

    private org.medcard.simulator.reader.SimulatedReader simulatedReader() {
        return ((org.medcard.terminal.training.SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader();
    }

    @Test
    void R11_aMuteCard_turnsTheCardRed_andF12GoesToCash_namingTheFault() {
        simulatedReader().cardSlot().setMute(true);
        model.presentTrainingCard("normal-3des");

        assertEquals(org.medcard.terminal.status.PartState.Health.FAULT, terminal.state().card().health(), terminal.state().card().toString());
        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());

        model.scan(AMOXICILLIN);
        view.idNumbers.add("110101197805211235");
        model.pay();

        assertEquals(1, view.idQuestions.size(), view.messages.toString());
        assertTrue(view.idQuestions.get(0).contains(terminal.messages().faultName(org.medcard.queue.Fault.CARD_UNREADABLE)),
                view.idQuestions.get(0));
        SaleDone d = view.done.get(view.done.size() - 1);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, d.kind(), d.message());
        assertEquals(org.medcard.queue.Fault.CARD_UNREADABLE,
                terminal.queue().resettlements(org.medcard.queue.ResettlementState.OPEN).get(0).fault());
    }

    @Test
    void R11_aFailingPsam_turnsThePsamRed_andTheSaleEndsInCash_nothingDebited() {
        model.presentTrainingCard("normal-3des");
        long balance = view.lastCard().balanceFen().orElseThrow();
        simulatedReader().psamSlot().setMute(true);
        model.scan(AMOXICILLIN);
        view.pins.add("123456");
        view.idNumbers.add("110101197805211235");

        model.pay();

        assertEquals(org.medcard.terminal.status.PartState.Health.FAULT, terminal.state().psam().health(), terminal.state().psam().toString());
        SaleDone d = view.done.get(view.done.size() - 1);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, d.kind(), d.message() + " / " + view.messages);
        assertEquals(org.medcard.queue.Fault.PSAM_FAILURE,
                terminal.queue().resettlements(org.medcard.queue.ResettlementState.OPEN).get(0).fault());
        simulatedReader().psamSlot().setMute(false);
        model.removeTrainingCard();
        model.presentTrainingCard("normal-3des");
        assertEquals(balance, view.lastCard().balanceFen().orElseThrow(), "the card was not debited");
    }

    @Test
    void payWithoutACard_whileTheReaderWorks_stillAsksForTheCard() {
        model.pollCard();
        model.scan(AMOXICILLIN);

        model.pay();

        assertEquals("Insert the patient card first.", view.lastMessage());
        assertTrue(view.idQuestions.isEmpty());
    }
}
