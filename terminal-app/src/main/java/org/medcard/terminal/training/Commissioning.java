package org.medcard.terminal.training;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.card.MedicalCard;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.TrainingMode;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.CommissioningReport.CheckItem;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.voids.VoidOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the commissioning checklist on a training terminal — simulated reader and PSAM, embedded simulated
 * center — and returns the report. Every step runs, whatever the one before did, so the technician sees all
 * that fails in one go; a step that throws is a FAIL with the exception's message.
 *
 * <p>Only in training mode: the checklist makes sales, voids them and closes the day, which must never reach
 * a real center or a patient's card ({@link TrainingMode.Counter#of} refuses any other terminal). The caller gives a
 * scratch data folder so the installation's own journal and queue stay untouched. It drives only the counter's
 * services it is given ({@link TrainingMode.Counter}), never the whole terminal.
 */
final class Commissioning {

    private static final Logger LOG = LoggerFactory.getLogger(Commissioning.class);
    /** A catalogue item of the simulated center (amoxicillin, 12.50). */
    static final String ITEM = "XJ01CAA001";
    /** The training cards' PIN (simulator test keys, docs/simulator.md). */
    private static final String TRAINING_PIN = "123456";
    /** The refused statuses the checklist presents, with the rule each stands for. */
    static final List<String[]> REFUSED = List.of(
            new String[] {"frozen", "R5"}, new String[] {"lost", "R8"}, new String[] {"cancelled-abroad", "R9"},
            new String[] {"cancelled-death", "R9"}, new String[] {"not-activated", "R7"}, new String[] {"expired", "expiry"},
            new String[] {"blocked", "6283"}, new String[] {"pin-blocked", "6983"});

    private final TrainingMode.Counter.Parts parts;
    private final TrainingMode.Counter.Desks desks;
    private final TrainingMode.Counter.Paper paper;
    private final Clock clock;
    private final String technician;
    private final List<CheckItem> items = new ArrayList<>();
    private String settledSetlId;

    Commissioning(TrainingMode.Counter counter, String technician) {
        this.parts = counter.parts();
        this.desks = counter.desks();
        this.paper = counter.paper();
        this.clock = counter.clock();
        this.technician = technician;
    }

    /** Runs every step and returns the report (not yet journalled or printed). */
    CommissioningReport run() {
        step("读卡器与PSAM Reader and PSAM found", this::readerAndPsam);
        step("正常销售 Normal sale", this::normalSale);
        for (String[] refused : REFUSED) {
            step("拒绝 Refused: " + refused[0] + " (" + refused[1] + ")", () -> refusedStatus(refused[0]));
        }
        step("中心断开→离线→上传 Center down → offline → forwarded", this::offlineThenForwarded);
        step("读卡器故障→现金→重新结算 Reader fault → cash → re-settled", this::readerFaultCashResettled);
        step("撤销 Void", this::voidSale);
        step("日结 Day close", this::dayClose);
        return new CommissioningReport(paper.letterhead().stamp(technician), technician, items);
    }

    @FunctionalInterface
    private interface Step {
        String run() throws Exception;
    }

    private void step(String name, Step step) {
        String detail;
        boolean passed;
        try {
            detail = step.run();
            passed = true;
        } catch (CheckFailed e) {
            detail = e.getMessage();
            passed = false;
        } catch (Exception | AssertionError e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            passed = false;
        } finally {
            center().faults().clearAll();
        }
        LOG.info("Commissioning {}: {} ({})", name, passed ? "PASS" : "FAIL", detail);
        items.add(new CheckItem(name, passed, detail));
    }

    private String readerAndPsam() throws IOException {
        present("normal-3des");
        MedicalCard card = parts.cards().connect();
        String psam = parts.cards().psam().terminalId().hex();
        check(card != null, "no card session");
        return "reader " + parts.state().get().reader().reason() + "; PSAM " + psam;
    }

    private String normalSale() throws IOException {
        present("normal-3des");
        SaleOutcome o = sell(SaleRequest.of(items(1), pin(), technician));
        check(o instanceof SaleOutcome.Settled, "expected SETTLED, got " + o.kind() + " — " + desks.saleTexts().line(o));
        SaleOutcome.Settled s = (SaleOutcome.Settled) o;
        Optional<ReceiptDocument> receipt = paper.sales().of(o, technician);
        check(s.debit().isPresent() && receipt.isPresent(), "no TAC or no receipt");
        settledSetlId = s.setlId().orElse(null);
        paper.receipts().issue(receipt.get());
        return "setl_id " + settledSetlId + ", TAC " + s.debit().get().tac();
    }

    private String refusedStatus(String profile) throws IOException {
        present(profile);
        SaleOutcome o = sell(SaleRequest.of(items(1), pin(), technician));
        check(o.kind() == SaleOutcome.Kind.REFUSED, "expected REFUSED, got " + o.kind());
        return o.messageKey();
    }

    private String offlineThenForwarded() throws IOException {
        present("normal-3des");
        center().inject(Fault.always(FaultKind.DOWN));
        SaleOutcome o = sell(SaleRequest.of(items(1), pin(), technician));
        check(o.kind() == SaleOutcome.Kind.OFFLINE_DEBITED, "expected OFFLINE_DEBITED with the center down, got " + o.kind()
                + " — " + desks.saleTexts().line(o));
        paper.receipts().issue(paper.sales().of(o, technician).orElseThrow());
        center().faults().clearAll();
        long pending = 0;
        for (int i = 0; i < 5; i++) {
            // The cashier's "forward now": end the backoff the outage started, then send on this thread.
            parts.forwarder().forwardNow();
            parts.forwarder().drainOnce();
            pending = parts.queue().summary().queuedDebits();
            if (pending == 0) {
                break;
            }
        }
        check(pending == 0, pending + " offline debit(s) still queued after the center came back");
        return "offline debit TAC " + o.cardDebit().map(SaleOutcome.CardDebit::tac).orElse("?") + ", forwarded";
    }

    private String readerFaultCashResettled() throws IOException {
        VirtualMedicalCard card = present("normal-3des");
        String id = card.profile().psnCertNo();
        training().remove();
        SaleOutcome cash = sell(SaleRequest.of(items(1), PinSource.NONE, technician).withIdNumber(id));
        check(cash instanceof SaleOutcome.CashResettle, "expected CASH_RESETTLE with no card readable, got " + cash.kind()
                + " — " + desks.saleTexts().line(cash));
        paper.receipts().issue(paper.sales().of(cash, technician).orElseThrow());
        String entryNo = ((SaleOutcome.CashResettle) cash).entryNo();
        present("normal-3des");
        var desk = desks.resettle();
        desk.registerOpenEntries();
        ResettleOutcome r = desk.settle(entryNo, technician, pin(), OptionalLong.empty()); // the account pays its share: PIN (R10, R11)
        check(r instanceof ResettleOutcome.Settled, "expected the entry re-settled, got " + r.kind() + " — "
                + desks.resettleTexts().line(r));
        ResettleOutcome.Settled settled = (ResettleOutcome.Settled) r;
        paper.resettlements().resettlement(r, technician).ifPresent(paper.receipts()::issue);
        return "entry " + entryNo + " re-settled, setl_id " + settled.setlId() + ", refund " + settled.refundFen() + " fen";
    }

    private String voidSale() {
        check(settledSetlId != null, "no settled sale to void (the normal sale failed)");
        char[] password = new char[16];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        desks.operators().add(new Operator("commissioning", "调试 Commissioning", Role.SUPERVISOR, true), password.clone(), technician);
        VoidOutcome v = desks.voids().voidSettlement(settledSetlId, "commissioning", password,
                "commissioning checklist");
        check(v instanceof VoidOutcome.Voided, "expected VOIDED, got " + v.kind() + " — " + desks.voidTexts().line(v));
        paper.voids().voidReceipt(v, "commissioning checklist", technician).ifPresent(paper.receipts()::issue);
        return "setl_id " + settledSetlId + " voided, account refund " + ((VoidOutcome.Voided) v).accountFen() + " fen";
    }

    private String dayClose() {
        DayClose.Result r = desks.dayClose().get().close(LocalDate.now(clock));
        paper.receipts().issue(r.toReport(paper.letterhead().stamp(technician)));
        check(r.reconciliation().result() == DayCloseReport.Result.MATCH, "reconciliation " + r.reconciliation().result()
                + (r.reconciliation().detail() == null ? "" : ": " + r.reconciliation().detail()));
        return r.count() + " settlement(s), reconciliation MATCH";
    }

    // ---------------------------------------------------------------- helpers

    private SaleOutcome sell(SaleRequest request) {
        return desks.sale().sell(request);
    }

    private static List<SaleItem> items(int qty) {
        return List.of(new SaleItem(ITEM, qty));
    }

    private static PinSource pin() {
        return TRAINING_PIN::toCharArray;
    }

    private VirtualMedicalCard present(String profile) throws IOException {
        return training().presentCard(profile);
    }

    private SimulatorTrainingReader training() {
        return (SimulatorTrainingReader) parts.reader();
    }

    private SettlementCenter center() {
        return SimulatedCenter.of(parts.center());
    }

    private static void check(boolean ok, String otherwise) {
        if (!ok) {
            throw new CheckFailed(otherwise);
        }
    }

    /** A step's expectation not met: its message is the report's detail. */
    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }
}
