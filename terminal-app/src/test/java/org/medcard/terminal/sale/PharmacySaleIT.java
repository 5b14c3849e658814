package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Pharmacy sales end to end with real parts: the training reader with a virtual card and the virtual PSAM,
 * the embedded center over loopback HTTP, the queue and terminal database as SQLite files in a temp folder,
 * a fixed clock. Test names cite the business rule they guard.
 */
class PharmacySaleIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, category A, not chronic: no pooling at a pharmacy
    private static final String METFORMIN = "XA10BAD003";   // 16.20, category A, chronic: pooled at pharmacies
    private static final String VITAMIN_C = "ZS01VCP029";   // 28.00, category SELF
    private static final String ATORVASTATIN = "XC10AAA017"; // 33.60, category B (10 % self-pay), chronic
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();

    @TempDir
    Path dir;

    private Terminal terminal;

    private Terminal open(Map<String, String> overrides) {
        terminal = TrainingTerminals.open(dir, overrides);
        return terminal;
    }

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private VirtualMedicalCard present(String profile) throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
    }

    private SaleView sell(SaleRequest request) {
        // These tests pin balances to the card profile; R15 loads before a sale are tested in MonthlyLoadsIT.
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(request));
    }

    private static SaleRequest items(String... codeQty) {
        return SaleRequest.of(List.of(codeQty).stream().map(SaleItem::parse).toList(), RIGHT_PIN, "cashier01");
    }

    @Test
    void onlineSale_debitsTheCard_settlesOnce_andCardAndCenterAgreeToTheFen() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        CardProfile p = card.profile();

        SaleView o = sell(items(AMOXICILLIN + ":2"));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(2_500, o.plan().totalFen());
        assertEquals(0, o.plan().fundFen(), "ordinary pharmacy item: no pooling share");
        assertEquals(2_500, o.plan().accountFen());
        assertEquals(0, o.plan().cashFen());
        assertNotNull(o.setlId());
        assertTrue(o.tac().matches("[0-9A-F]{8}"), o.tac());
        assertEquals(p.balance() - 2_500, o.balanceAfterFen());
        assertEquals(p.balance() - 2_500, card.state().balance(), "the card paid exactly the account share");
        assertEquals(p.balance() - 2_500, TrainingTerminals.shadowBalance(terminal, p.cardNo()), "center agrees to the fen");
        assertEquals("110*************0001", o.cardNoMasked());
        assertEquals("张伟", o.holderName());
        assertEquals(0, terminal.queue().summary().unfinishedSales());

        var receipt = (org.medcard.terminal.receipt.SaleReceipt) o.receiptDocument().orElseThrow();
        assertEquals(new org.medcard.terminal.receipt.Split(2_500, 0, 2_500, 0), receipt.split());
        assertEquals(o.setlId(), receipt.setlId());
        assertEquals(o.tac(), receipt.proof().tac());
        assertEquals(p.balance() - 2_500, receipt.proof().balanceAfter());
        assertEquals("阿莫西林胶囊", receipt.items().get(0).name());
        assertEquals(2, receipt.items().get(0).qty());
        assertFalse(receipt.offline());
        assertTrue(receipt.header().trainingMode());
    }

    @Test
    void R1_sharesAddUpToTheFen() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        SaleView o = sell(items(METFORMIN + ":3", AMOXICILLIN + ":1").withRequestedAccount(1_001));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        PaymentPlan plan = o.plan();
        assertEquals(3 * 1_620 + 1_250, plan.totalFen());
        assertEquals(plan.totalFen(), plan.fundFen() + plan.accountFen() + plan.cashFen());
        assertEquals(3_402, plan.fundFen(), "70 % of the chronic item for an employee");
        assertEquals(1_001, plan.accountFen(), "the account pays what the patient asked, to the fen");
        assertEquals(6_110 - 3_402 - 1_001, plan.cashFen());
        assertEquals(before - 1_001, card.state().balance());
        assertEquals(before - 1_001, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void aHospitalServiceItem_isNotSoldAtThePharmacy_theSaleIsRefusedNamingIt_andNothingIsDebited() throws Exception {
        open(Map.of("language", "en"));
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        // 胸部X线摄影(DR) is in the center's 1301 catalog (its F… service-item class) next to the drugs (xray15).
        SaleView o = sell(items(AMOXICILLIN + ":1", "F21010000005:1"));

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals("胸部X线摄影(DR) is a medical service: it is billed at the hospital's registration/payment desk, not sold at "
                + "the pharmacy. Take it off the sale and send the patient to that desk.", o.message());
        assertEquals(before, card.state().balance(), "the card paid nothing");
        assertEquals(before, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()), "the center took nothing");
        assertEquals(0, terminal.queue().summary().queuedDebits());
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertTrue(o.receiptDocument().isEmpty(), "no receipt for a refused sale");

        SaleView drugsOnly = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.SETTLED, drugsOnly.kind(), "without the X-ray the drugs sell: " + drugsOnly.message());
    }

    @Test
    void R13_theFundPaysOnlyForListedItems_aAfterItsSelfPayRatio_selfNever() throws Exception {
        open(Map.of());
        present("normal-3des");
        // Employee scheme, pooling ratio 0.70 on chronic-disease items (the simulated center's rules).
        SaleView self = sell(items(VITAMIN_C + ":1"));
        assertEquals(SaleOutcome.Kind.SETTLED, self.kind(), self.message());
        assertEquals(0, self.plan().fundFen(), "SELF items are never paid by the pooling fund");
        assertEquals(2_800, self.plan().totalFen());

        SaleView a = sell(items(METFORMIN + ":1"));
        assertEquals(1_134, a.plan().fundFen(), "category A: 70 % of the whole price (1 620)");

        SaleView b = sell(items(ATORVASTATIN + ":1"));
        assertEquals(2_117, b.plan().fundFen(), "category B: 70 % of the price after its 10 % self-pay part (3 024), half up");
        assertTrue(b.plan().fundFen() < 3_360 * 70 / 100, "the self-pay part of a B item is never pooled");
    }

    @Test
    void R14_thePatientPaysOnlyTheCashShare_theFundShareIsSettledDirectlyWithTheCenter() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        SaleView o = sell(items(METFORMIN + ":2").withRequestedAccount(500));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(3_240, o.plan().totalFen());
        assertEquals(2_268, o.plan().fundFen());
        assertEquals(500, o.plan().accountFen());
        assertEquals(3_240 - 2_268 - 500, o.plan().cashFen(), "the patient hands over only the cash share");
        assertEquals(before - 500, card.state().balance(), "the card pays only the account share");
        var centerRecord = terminal.onlineCenter().orElseThrow().reconcileDetail(TrainingTerminals.CLOCK.instant()
                .atZone(TrainingTerminals.CLOCK.getZone()).toLocalDate()).stream()
                .filter(r -> o.setlId().equals(r.setlId())).findFirst().orElseThrow();
        assertEquals(2_268, centerRecord.fundFen(), "the fund share is settled between the center and the institution");
        assertEquals(472, centerRecord.cashFen());
    }

    @Test
    void R5_frozenCardIsRefused() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("frozen");
        SaleView o = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("status.frozen", o.messageKey());
        assertTrue(o.message().contains("R5"), o.message());
        assertEquals(card.profile().balance(), card.state().balance());
    }

    @Test
    void R7_notActivatedCardIsRefused() throws Exception {
        open(Map.of());
        present("not-activated");
        SaleView o = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("status.not_activated", o.messageKey());
        assertTrue(o.message().contains("R7"), o.message());
    }

    @Test
    void R8_lostCardIsRefusedAndBlockedOnline() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("lost");
        SaleView o = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("status.lost", o.messageKey());
        assertEquals(card.profile().balance(), card.state().balance());

        assertEquals(org.medcard.simulator.card.BlockState.TEMPORARY, card.state().block(), "the card application was blocked (R8)");
        var view = terminal.cardCheck().check(terminal.openCard(), terminal.psam(), java.util.Optional.empty());
        assertEquals(CardStatus.LOST, view.verdict().status(), "the blacklist's LOST outranks the card's own BLOCKED");
    }

    @Test
    void R9_cancelledCardIsRefusedWithItsReason() throws Exception {
        open(Map.of());
        present("cancelled-death");
        SaleView o = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("status.cancelled.death", o.messageKey());
        assertTrue(o.message().contains("R9"), o.message());
    }

    @Test
    void R10_wrongPinStopsTheDebit() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        SaleView o = sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), () -> "654321".toCharArray(), "cashier01"));
        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("sale.pin_wrong", o.messageKey());
        assertTrue(o.message().contains("2"), o.message());
        assertEquals(card.profile().balance(), card.state().balance(), "no debit");
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(0, terminal.queue().messages(OutboxState.PENDING).size());
        assertEquals(0, terminal.queue().messages(OutboxState.DONE).size(), "nothing settled");
    }

    @Test
    void R10_belowTheExemptionNoPinIsAsked() throws Exception {
        open(Map.of("pin.exempt_below", "20.00"));
        present("normal-3des");
        SaleView o = sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), () -> {
            throw new AssertionError("no PIN below the exemption");
        }, "cashier01"));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
    }

    @Test
    void R11_centerDownDebitsOfflineWithinLimits() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));

        SaleView o = sell(items(AMOXICILLIN + ":2"));

        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, o.kind(), o.message());
        assertEquals("sale.to_be_uploaded", o.messageKey());
        assertEquals(0, o.plan().fundFen(), "pooling is never paid offline");
        assertEquals(2_500, o.plan().accountFen());
        assertTrue(o.tac().matches("[0-9A-F]{8}"));
        assertNull(o.entryNo(), "everything paid by the card: no cash share to re-settle");
        var paper = (org.medcard.terminal.receipt.SaleReceipt) o.receiptDocument().orElseThrow();
        assertTrue(paper.offline(), "the receipt says: to be uploaded");
        // issue 15: the fund's 0 says why on the paper too, as on the split (the center went away during the sale)
        assertEquals(new org.medcard.terminal.receipt.FundNote("R11", null), paper.fundNote());
        assertTrue(paper.toSheet().plainText().contains("Fund 0: the center cannot be reached, so the fund does not pay (R11)."),
                paper.toSheet().plainText());
        assertEquals(card.profile().balance() - 2_500, card.state().balance());
        assertEquals(1, terminal.queue().summary().queuedDebits());

        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).faults().clearAll();
        var results = terminal.forwarder().orElseThrow().drainOnce();
        assertEquals(OutboxState.DONE, results.get(results.size() - 1).state());
        assertEquals(0, terminal.queue().summary().queuedDebits());
        assertEquals(card.profile().balance() - 2_500, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void R11_overTheOfflineLimitFallsToCashAndAResettlementEntry() throws Exception {
        open(Map.of("offline.limit.per_sale", "20.00"));
        VirtualMedicalCard card = present("normal-3des");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));

        SaleView noId = sell(items(AMOXICILLIN + ":2"));
        assertEquals(SaleOutcome.Kind.REFUSED, noId.kind());
        assertEquals("sale.id_number_needed", noId.messageKey(), "the cashier must type the ID number first");

        SaleView o = sell(items(AMOXICILLIN + ":2").withIdNumber(card.profile().psnCertNo()));

        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        assertEquals(2_500, o.plan().cashFen());
        assertEquals(0, o.plan().accountFen());
        assertNotNull(o.entryNo());
        assertTrue(o.message().contains(o.entryNo()));
        assertEquals(card.profile().balance(), card.state().balance(), "the card was not debited");
        var entry = terminal.queue().resettlement(o.entryNo()).orElseThrow();
        assertEquals(ResettlementState.OPEN, entry.state());
        assertEquals(org.medcard.queue.Fault.OFFLINE_LIMIT, entry.fault());
        assertEquals(2_500, entry.totalFen());
        assertEquals(2_500, entry.cashPaidFen());
        assertEquals("cashier01", entry.cashier());
        assertEquals(0, terminal.queue().summary().queuedDebits());
        var receipt = (org.medcard.terminal.receipt.CashReceipt) o.receiptDocument().orElseThrow();
        assertEquals(o.entryNo(), receipt.entryNo());
        assertEquals(2_500, receipt.cashPaid());
        assertEquals(receipt.header().time().toLocalDate().plusDays(90), receipt.resettleBy(), "resettle.max_days defaults to 90");
        // issue 15: the fault by name in the terminal's language on the receipt and on screen, never the enum name
        assertEquals(terminal.messages().faultName(org.medcard.queue.Fault.OFFLINE_LIMIT), receipt.fault());
        assertFalse(receipt.fault().contains("OFFLINE_LIMIT"), receipt.fault());
        assertFalse(o.message().contains("OFFLINE_LIMIT"), o.message());
        assertTrue(o.message().contains(receipt.fault()), o.message());
    }

    @Test
    void R11_cashResettleModeNeverDebitsOffline() throws Exception {
        open(Map.of("offline.mode", "CASH_RESETTLE"));
        VirtualMedicalCard card = present("normal-3des");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        SaleView o = sell(items(AMOXICILLIN + ":1").withIdNumber(card.profile().psnCertNo()));
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        assertEquals(card.profile().balance(), card.state().balance());
        assertEquals(org.medcard.queue.Fault.CENTER_UNREACHABLE, terminal.queue().resettlement(o.entryNo()).orElseThrow().fault());
        assertFalse(o.message().contains("CENTER_UNREACHABLE"), o.message());
    }

    @Test
    void R11_aTypedIdNumberWithAWrongCheckDigitIsNotAccepted() throws Exception {
        open(Map.of("offline.mode", "CASH_RESETTLE"));
        present("normal-3des");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        SaleView o = sell(items(AMOXICILLIN + ":1").withIdNumber("110101197805211234"));
        assertEquals("sale.id_check_digit", o.messageKey(), "issue 15: the digit is said to be wrong");
        assertTrue(o.message().contains("5"), o.message());
        assertEquals(0, terminal.queue().summary().openResettlements());
    }

    @Test
    void R3_familyPaymentOnlyForEmployeeCardsOnline() throws Exception {
        open(Map.of());
        VirtualMedicalCard employee = present("employee-family");
        SaleView family = sell(items(METFORMIN + ":2").withBeneficiary("11000000000000000201"));
        assertEquals(SaleOutcome.Kind.SETTLED, family.kind(), family.message());
        assertEquals(0, family.plan().fundFen(), "the pooling fund pays nothing for the family member");
        assertEquals(3_240, family.plan().accountFen());
        assertEquals("11000000000000000201", family.beneficiaryPsnNo());
        assertEquals(employee.profile().balance() - 3_240, employee.state().balance());

        SaleView stranger = sell(items(METFORMIN + ":1").withBeneficiary("11000000000000000999"));
        assertEquals("sale.family_unknown", stranger.messageKey());

        present("normal-sm4"); // resident scheme
        SaleView resident = sell(items(METFORMIN + ":1").withBeneficiary("11000000000000000201"));
        assertEquals(SaleOutcome.Kind.REFUSED, resident.kind());
        assertEquals("sale.family_not_offered", resident.messageKey());

        present("employee-family");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        SaleView offline = sell(items(METFORMIN + ":1").withBeneficiary("11000000000000000201"));
        assertEquals(SaleOutcome.Kind.REFUSED, offline.kind());
        assertEquals("sale.family_not_offered", offline.messageKey());
        assertEquals(employee.profile().balance() - 3_240, ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader()
                .cardSlot().card().map(c -> ((VirtualMedicalCard) c).state().balance()).orElseThrow(), "no debit offline");
    }

    @Test
    void R12_crossRegionUnfiledCardGetsNoPooling() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("out-of-region-unfiled");
        SaleView o = sell(items(METFORMIN + ":3"));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(0, o.plan().fundFen(), "no cross-region filing: personal account and cash only");
        assertEquals(o.plan().totalFen(), o.plan().accountFen() + o.plan().cashFen());
        assertEquals(card.profile().balance() - o.plan().accountFen(), card.state().balance());
        assertFalse(terminal.salePolicy().poolingAllowed("440106", true, false));
        // issue 15: the receipt's split says why the fund paid 0, with the rule the counter's split showed
        var paper = (org.medcard.terminal.receipt.SaleReceipt) o.receiptDocument().orElseThrow();
        assertEquals(new org.medcard.terminal.receipt.FundNote("R12", null), paper.fundNote());
        assertTrue(paper.toSheet().plainText().contains("统筹基金支付 0：异地参保卡未在医保中心办理异地就医备案（R12）。"
                + " Fund 0: a card of another region without cross-region filing at the center (R12)."), paper.toSheet().plainText());

        present("out-of-region"); // Shanghai card with cross-region filing: pooled like a local card
        SaleView filed = sell(items(METFORMIN + ":3"));
        assertEquals(SaleOutcome.Kind.SETTLED, filed.kind(), filed.message());
        assertEquals(3_402, filed.plan().fundFen(), "filed: 70 % of the chronic item for an employee");
        assertNull(((org.medcard.terminal.receipt.SaleReceipt) filed.receiptDocument().orElseThrow()).fundNote(), "the fund paid");
    }

    @Test
    void tearDuringDebit_recoveredOnNextContact_noDoubleDebit() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();
        card.tearAfterDebitApplied();

        SaleView torn = sell(items(AMOXICILLIN + ":2"));
        assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());
        assertEquals(1, terminal.queue().summary().unfinishedSales(), "the sale stays unfinished in the journal");

        VirtualMedicalCard again = present("normal-3des");
        assertEquals(before - 2_500, again.state().balance(), "the card did debit before it was torn");
        SaleView next = sell(items(AMOXICILLIN + ":1"));

        assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), next.message());
        assertEquals(1, next.recovered().size());
        TearRecovery.Recovered r = (TearRecovery.Recovered) next.recovered().get(0);
        assertTrue(r.debited());
        assertEquals(torn.saleId(), r.saleId());
        assertEquals(SettleResult.State.SETTLED, r.settle().orElseThrow().state());
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(before - 2_500 - 1_250, again.state().balance(), "debited once for each sale");
        assertEquals(before - 2_500 - 1_250, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void tearBeforeDebit_recoveredAsNotDebited_andTheNextSaleGoesThrough() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();
        card.tearBeforeDebitApplied();
        assertEquals(SaleOutcome.Kind.INTERRUPTED, sell(items(AMOXICILLIN + ":2")).kind());

        VirtualMedicalCard again = present("normal-3des");
        SaleView next = sell(items(AMOXICILLIN + ":1"));
        assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), next.message());
        assertFalse(next.recovered().get(0).debited());
        assertEquals(before - 1_250, again.state().balance());
        assertEquals(before - 1_250, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void answerLostAfterCommit_noDoubleSettlement() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();
        // The PIN is asked after 2101 and before the debit: the next committing request is the 2102.
        PinSource pinThenLoseTheAnswer = () -> {
            SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
            return "123456".toCharArray();
        };
        SaleView o = sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":2")), pinThenLoseTheAnswer, "cashier01"));

        assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, o.kind(), o.message());
        var paper = (org.medcard.terminal.receipt.SaleReceipt) o.receiptDocument().orElseThrow();
        assertEquals(null, paper.setlId(), "no setl_id yet");
        assertEquals(o.tac(), paper.proof().tac(), "the patient leaves with the card's TAC");
        assertEquals(false, paper.offline());
        var unknown = terminal.queue().messages(OutboxState.UNKNOWN);
        assertEquals(1, unknown.size());
        String msgid = unknown.get(0).msgid();

        var resent = terminal.forwarder().orElseThrow().sendNow(msgid).orElseThrow();
        assertEquals(OutboxState.DONE, resent.state());
        assertEquals(msgid, resent.msgid(), "resent with the same msgid");
        assertEquals(before - 2_500, card.state().balance());
        assertEquals(before - 2_500, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()),
                "the center settled it once");
    }
    @Test
    void R10_cardWhoseMac2FailsIsTreatedAsForged_noSale() throws Exception {
        open(Map.of());
        var profiles = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).profiles();
        VirtualMedicalCard genuine = new VirtualMedicalCard(profiles.get("normal-3des"), profiles.keys(),
                org.medcard.simulator.card.PurseState.initial(profiles.get("normal-3des")), TrainingTerminals.CLOCK,
                new java.util.Random(1), org.medcard.simulator.card.CardOptions.defaults(), null);
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().cardSlot().insert(new WrongMac2(genuine));

        SaleView o = sell(items(AMOXICILLIN + ":1"));

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals("sale.forged", o.messageKey());
        assertEquals(0, terminal.queue().summary().unfinishedSales(), "the journal closed the sale");
        assertEquals(0, terminal.queue().messages(OutboxState.PENDING).size(), "nothing to settle");
        assertEquals(0, terminal.queue().messages(OutboxState.DONE).size());
        assertEquals(0, terminal.queue().summary().queuedDebits());
        assertEquals("R10_FORGED_CARD", terminal.audit().latest(1).get(0).action(), "the event is in the audit log");
        assertFalse(terminal.audit().latest(1).get(0).detail().contains("11010120190315000001"), "card number masked");
    }

    @Test
    void accountShareZero_settles2102WithoutAPurseRecord_andTheCardIsNotDebited() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        SaleView o = sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), PinSource.NONE, "cashier01")
                .withRequestedAccount(0));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(new PaymentPlan(1_250, 0, 0, 1_250), o.plan());
        assertNull(o.tac(), "no debit, no TAC");
        assertNotNull(o.setlId());
        var settle = terminal.queue().messages(OutboxState.DONE).get(0);
        assertEquals("2102", settle.transaction());
        assertFalse(settle.inputJson().contains("purse"), settle.inputJson());
        assertEquals(card.profile().balance(), card.state().balance());
    }

    @Test
    void tearSurvivesARestart_theJournalAloneRecoversTheSale() throws Exception {
        open(Map.of());
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();
        card.tearAfterDebitApplied();
        assertEquals(SaleOutcome.Kind.INTERRUPTED, sell(items(AMOXICILLIN + ":2")).kind());
        terminal.close();

        open(Map.of());
        assertEquals(1, terminal.queue().summary().unfinishedSales(), "still unfinished after the restart");
        present("normal-3des");
        var recovered = terminal.tearRecovery().recover(terminal.openCard(), terminal.psam());
        assertEquals(1, recovered.size());
        assertTrue(recovered.get(0).debited());
        assertEquals(SettleResult.State.SETTLED, recovered.get(0).settle().orElseThrow().state());
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(before - 2_500, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void debitAnswered6985WhileTheCardStaysIn_isRecoveredAtOnce_andSettledOnce() throws Exception {
        open(Map.of());
        var profiles = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).profiles();
        VirtualMedicalCard genuine = new VirtualMedicalCard(profiles.get("normal-3des"), profiles.keys(),
                org.medcard.simulator.card.PurseState.initial(profiles.get("normal-3des")), TrainingTerminals.CLOCK,
                new java.util.Random(1), org.medcard.simulator.card.CardOptions.defaults(), null);
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().cardSlot().insert(new DebitAnswerLost(genuine));
        long before = genuine.state().balance();

        SaleView o = sell(items(AMOXICILLIN + ":2"));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(before - 2_500, genuine.state().balance(), "debited once");
        assertEquals(before - 2_500, o.balanceAfterFen());
        assertEquals(before - 2_500, TrainingTerminals.shadowBalance(terminal, genuine.profile().cardNo()));
        assertEquals(0, terminal.queue().summary().unfinishedSales());
    }

    /** A link that loses DEBIT's answer: the card debits, the terminal sees 6985 (as after a resent DEBIT). */
    private record DebitAnswerLost(VirtualMedicalCard card) implements org.medcard.simulator.reader.SimulatedCard {
        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public byte[] process(byte[] command) {
            byte[] r = card.process(command);
            return (command[1] & 0xFF) == 0x54 ? new byte[] {0x69, (byte) 0x85} : r;
        }

        @Override
        public void reset() {
            card.reset();
        }

        @Override
        public String describe() {
            return card.describe();
        }
    }

    /** A card whose DEBIT FOR PURCHASE answer carries a wrong MAC2 (what a forged card would send). */
    private record WrongMac2(VirtualMedicalCard card) implements org.medcard.simulator.reader.SimulatedCard {
        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public byte[] process(byte[] command) {
            byte[] r = card.process(command);
            if ((command[1] & 0xFF) == 0x54 && r.length == 10) {
                r[4] ^= 0x01;
            }
            return r;
        }

        @Override
        public void reset() {
            card.reset();
        }

        @Override
        public String describe() {
            return "forged " + card.describe();
        }
    }
}
