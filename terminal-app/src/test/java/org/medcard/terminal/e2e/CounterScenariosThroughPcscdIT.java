package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.resettle.ResettleView;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * The end-to-end scenarios through the real stack: the virtual card behind pcscd + vpcd, the PSAM in the
 * second slot, the simulated center over loopback HTTP. One pcscd for the class (restarting it under a running JVM
 * breaks its PC/SC context), one terminal data folder and center file for the class, so every card's balance and
 * the center's shadow of it stay comparable from test to test: after each scenario they must agree to the fen.
 */
class CounterScenariosThroughPcscdIT {
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic
    private static final PinSource PIN = () -> "123456".toCharArray();

    @TempDir
    static Path shared;
    private static PcscdRig rig;

    @BeforeAll
    static void startRig() throws Exception {
        rig = PcscdRig.start(shared.resolve("cards"), TrainingTerminals.CLOCK);
    }

    @AfterAll
    static void stopRig() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private static VirtualMedicalCard present(String profile) throws Exception {
        rig.remove();
        return rig.present(profile);
    }

    private static Terminal open(Map<String, String> more) {
        Map<String, String> o = new HashMap<>(more);
        o.put("reader", "pcsc:" + PcscdRig.CARD_READER);
        o.put("psam", "pcsc:" + PcscdRig.PSAM_READER);
        return TrainingTerminals.open(shared.resolve("terminal"), o);
    }

    private static SaleView sell(Terminal t, String items) {
        return SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(items)), PIN, "cashier01")));
    }

    private static void cardAndCenterAgree(Terminal t, VirtualMedicalCard card) throws Exception {
        assertEquals(card.state().balance(), TrainingTerminals.shadowBalance(t, card.profile().cardNo()), "card and center agree");
    }

    @Test
    void R11_centerDown_offlineDebitWithinLimits_cashEntryOverTheLimit_faultCleared_forwardedAndResettledWithRefund() throws Exception {
        VirtualMedicalCard card = present("normal-sm4");
        try (Terminal t = open(Map.of("offline.limit.per_sale", "15.00"))) {
            SimulatedCenter.of(t.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
            long before = card.state().balance();

            SaleView offline = sell(t, AMOXICILLIN + ":1");
            assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, offline.kind(), offline.message());
            assertEquals(before - 1_250, card.state().balance(), "debited offline, proven by the TAC");

            SaleView cash = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":2")), PIN, "cashier01")
                    .withIdNumber(card.profile().psnCertNo())));
            assertEquals(SaleOutcome.Kind.CASH_RESETTLE, cash.kind(), "over the per-sale limit: cash and an entry; " + cash.message());
            assertEquals(2_500, cash.plan().cashFen());
            assertEquals(before - 1_250, card.state().balance(), "the card paid nothing for the cash sale");

            SimulatedCenter.of(t.embeddedCenter().orElseThrow()).faults().clearAll();
            ResettleDesk desk = t.resettleDesk();
            assertEquals(1, desk.registerOpenEntries(), "fault cleared: the entry is registered (8400)");
            assertEquals(0, t.queue().summary().queuedDebits(), "the offline debit was forwarded (8301)");

            ResettleView r = ResettleView.of(t, desk.settle(cash.entryNo(), "cashier01", PIN, OptionalLong.empty()));
            assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
            assertEquals(r.fundFen() + r.accountFen(), r.refundFen(), "the insured shares are refunded in cash");
            assertEquals(2_500, r.accountFen(), "an ordinary item at a pharmacy: the account pays it all");
            assertEquals(before - 1_250 - 2_500, card.state().balance());
            cardAndCenterAgree(t, card);
        }
    }

    @Test
    void cardPulledMidDebit_recoveredOnTheNextContact_noDoubleDebit() throws Exception {
        VirtualMedicalCard card = present("normal-3des");
        try (Terminal t = open(Map.of())) {
            SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), PIN, "cashier01"))); // loads first
            long before = card.state().balance();
            card.tearAfterDebitApplied();

            SaleView torn = sell(t, AMOXICILLIN + ":2");
            assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());

            VirtualMedicalCard again = present("normal-3des");
            assertEquals(before - 2_500, again.state().balance(), "the card did debit before it was pulled");
            SaleView next = sell(t, AMOXICILLIN + ":1");
            assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), next.message());
            assertEquals(1, next.recovered().size());
            assertTrue(next.recovered().get(0).debited());
            assertEquals(before - 2_500 - 1_250, again.state().balance(), "debited once for each sale");
            cardAndCenterAgree(t, again);
        }
    }

    @Test
    void answerLostAfterCommit_resentWithTheSameMsgid_settledOnce() throws Exception {
        VirtualMedicalCard card = present("low-balance");
        try (Terminal t = open(Map.of())) {
            PinSource pinThenLoseTheAnswer = () -> {
                SimulatedCenter.of(t.embeddedCenter().orElseThrow()).inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
                return "123456".toCharArray();
            };
            SaleView o = SaleView.of(t, t.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")),
                    pinThenLoseTheAnswer, "cashier01")));
            assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, o.kind(), o.message());
            String msgid = t.queue().messages(OutboxState.UNKNOWN).get(0).msgid();

            var resent = t.forwarder().orElseThrow().sendNow(msgid).orElseThrow();
            assertEquals(OutboxState.DONE, resent.state());
            assertEquals(msgid, resent.msgid(), "the same msgid: the center answers its first result");
            cardAndCenterAgree(t, card);
        }
    }

    @Test
    void registrationAndOutpatientSettlement() throws Exception {
        VirtualMedicalCard card = present("normal-3des");
        try (Terminal t = open(Map.of("institution.kind", "HOSPITAL"))) {
            RegistrationDesk desk = t.registrationDesk(DepartmentCatalog.bundled());
            long before = card.state().balance();

            VisitOutcome fee = desk.register("D01", Optional.empty(), true, PIN, "clerk01");
            VisitOutcome.Settled feeNow = assertInstanceOf(VisitOutcome.Settled.class, fee, () -> t.visitTexts().line(fee));
            assertEquals(3_500, feeNow.split().fundFen(), "70 % of the 50.00 fee from the pooling fund");

            VisitOutcome later = desk.register("D01", Optional.empty(), false, PIN, "clerk01");
            VisitOutcome batch = desk.settle(later.visit().orElseThrow(), List.of(SaleItem.parse(AMOXICILLIN + ":2")), PIN, "clerk01");
            VisitOutcome.Settled settled = assertInstanceOf(VisitOutcome.Settled.class, batch, () -> t.visitTexts().line(batch));
            assertTrue(settled.setlId().isPresent());
            assertEquals(70_000, feeNow.loadedFen(), "R15: the hospital desk loads the two pending contributions first");
            assertEquals(before + feeNow.loadedFen() - feeNow.split().accountFen() - settled.split().accountFen(), card.state().balance());
            cardAndCenterAgree(t, card);
        }
    }

    @Test
    void R3_familyAid_theEmployeesAccountPays_noPooling() throws Exception {
        VirtualMedicalCard card = present("employee-family");
        try (Terminal t = open(Map.of())) {
            long before = card.state().balance();
            SaleView o = SaleView.of(t, t.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":2")), PIN, "cashier01")
                    .withBeneficiary("11000000000000000201")));
            assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
            assertEquals(0, o.plan().fundFen(), "the pooling fund pays nothing for the family member");
            assertEquals(3_240, o.plan().accountFen());
            assertEquals("11000000000000000201", o.beneficiaryPsnNo());
            assertEquals(before - 3_240, card.state().balance());
            cardAndCenterAgree(t, card);
        }
    }

    @Test
    void voidBySupervisor_accountShareReturnsAsAPendingLoad() throws Exception {
        VirtualMedicalCard card = present("rare-name");
        try (Terminal t = open(Map.of())) {
            SaleView sale = SaleView.of(t, t.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), PIN, "cashier01")));
            assertEquals(SaleOutcome.Kind.SETTLED, sale.kind(), sale.message());
            Operators operators = new Operators(t.db(), new PasswordHasher(1_000, new SecureRandom()), t.audit(), t.clock());
            if (operators.list().stream().noneMatch(o -> o.name().equals("sup01"))) {
                operators.add(new Operator("sup01", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
            }

            VoidOutcome v = t.voidDesk(operators).voidSettlement(sale.setlId(), "sup01", "supervisor-pw".toCharArray(), "wrong item");

            VoidOutcome.Voided voided = assertInstanceOf(VoidOutcome.Voided.class, v, t.voidTexts().line(v));
            assertEquals(1_250, voided.accountFen(), "R2: the account share goes back to the account");
            assertTrue(voided.loadId().isPresent(), "as a pending load (8501), never cash");
            assertEquals(0, voided.cashBackFen());
        }
    }

    @Test
    void theCliAgainstPcscd_cardInfoAndSaleJson() throws Exception {
        VirtualMedicalCard card = present("out-of-region");
        Path data = shared.resolve("terminal");
        String[] readers = {"--data-dir", data.toString(), "--reader", PcscdRig.CARD_READER, "--psam-reader", PcscdRig.PSAM_READER};

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        org.medcard.terminal.config.TerminalEnvironment env = new org.medcard.terminal.config.TerminalEnvironment(data, TrainingTerminals.CLOCK,
                new java.io.ByteArrayInputStream("123456\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        int info = org.medcard.terminal.cli.MedcardCli.create(env, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                .execute(concat(new String[] {"card", "info", "--json"}, readers));
        assertEquals(0, info, err.toString());
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        for (String field : List.of("card_no", "name", "id_masked", "scheme", "region", "status", "balance_fen", "algorithm", "expiry")) {
            assertTrue(n.hasNonNull(field), field + " in " + n);
        }
        assertEquals("NORMAL", n.get("status").asText());
        assertEquals(card.profile().cardRegion(), n.get("region").asText());

        out.getBuffer().setLength(0);
        int sale = org.medcard.terminal.cli.MedcardCli.create(env, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                .execute(concat(new String[] {"sale", "--items", AMOXICILLIN + ":1", "--pin-stdin", "--json"}, readers));
        assertEquals(0, sale, err.toString());
        var s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals("SETTLED", s.get("outcome").asText(), s.toString());
        for (String field : List.of("total_fen", "fund_pay_fen", "acct_pay_fen", "cash_pay_fen", "tac", "setl_id")) {
            assertTrue(s.hasNonNull(field), field + " in " + s);
        }
        assertEquals(1_250, s.get("total_fen").asLong());
        assertEquals(card.state().balance(), s.get("balance_after_fen").asLong(), "what the CLI printed is on the card");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
