package org.medcard.terminal.training;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medcard.card.MedicalCard;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.CommissioningReport.CheckItem;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.terminal.voids.VoidOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the commissioning checklist on a training terminal — simulated reader and PSAM, embedded simulated
 * center — and returns the report. Every step runs, whatever the one before did, so the technician sees all
 * that fails in one go; a step that throws is a FAIL with the exception's message.
 *
 * <p>Only in training mode: the checklist makes sales, voids them and closes the day, which must never reach
 * a real center or a patient's card. The caller gives a scratch data folder so the installation's own journal
 * and queue stay untouched.
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

    private final Terminal terminal;
    private final String technician;
    private final List<CheckItem> items = new ArrayList<>();
    private String settledSetlId;

    Commissioning(Terminal terminal, String technician) {
        if (!terminal.config().trainingMode() || terminal.devices().training().isEmpty() || terminal.embeddedCenter().isEmpty()) {
            throw new IllegalStateException("commissioning runs sales, voids and a day close: it needs the simulator's reader"
                    + " and PSAM (reader=simulator, psam=simulator) and the embedded center (center.url=embedded)");
        }
        this.terminal = terminal;
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
        return new CommissioningReport(terminal.letterhead().stamp(technician), technician, items);
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
        MedicalCard card = terminal.openCard();
        String psam = terminal.psam().terminalId().hex();
        check(card != null, "no card session");
        return "reader " + terminal.state().reader().reason() + "; PSAM " + psam;
    }

    private String normalSale() throws IOException {
        present("normal-3des");
        SaleOutcome o = sell(SaleRequest.of(items(1), pin(), technician));
        check(o instanceof SaleOutcome.Settled, "expected SETTLED, got " + o.kind() + " — " + terminal.saleTexts().line(o));
        SaleOutcome.Settled s = (SaleOutcome.Settled) o;
        Optional<ReceiptDocument> paper = terminal.saleDocuments().of(o, technician);
        check(s.debit().isPresent() && paper.isPresent(), "no TAC or no receipt");
        settledSetlId = s.setlId().orElse(null);
        terminal.receipts().issue(paper.get());
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
                + " — " + terminal.saleTexts().line(o));
        terminal.receipts().issue(terminal.saleDocuments().of(o, technician).orElseThrow());
        center().faults().clearAll();
        long pending = 0;
        for (int i = 0; i < 5; i++) {
            // The cashier's "forward now": end the backoff the outage started, then send on this thread.
            terminal.forwarder().orElseThrow().forwardNow();
            terminal.forwarder().orElseThrow().drainOnce();
            pending = terminal.queue().summary().queuedDebits();
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
                + " — " + terminal.saleTexts().line(cash));
        terminal.receipts().issue(terminal.saleDocuments().of(cash, technician).orElseThrow());
        String entryNo = ((SaleOutcome.CashResettle) cash).entryNo();
        present("normal-3des");
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();
        ResettleOutcome r = desk.settle(entryNo, technician, pin(), -1); // the account pays its share: PIN (R10, R11)
        check(r instanceof ResettleOutcome.Settled, "expected the entry re-settled, got " + r.kind() + " — "
                + terminal.resettleTexts().line(r));
        ResettleOutcome.Settled settled = (ResettleOutcome.Settled) r;
        new org.medcard.terminal.resettle.ResettleDocuments(terminal.queue(), terminal.receipts().journal(), terminal.letterhead()).resettlement(r, technician).ifPresent(terminal.receipts()::issue);
        return "entry " + entryNo + " re-settled, setl_id " + settled.setlId() + ", refund " + settled.refundFen() + " fen";
    }

    private String voidSale() {
        check(settledSetlId != null, "no settled sale to void (the normal sale failed)");
        char[] password = new char[16];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        Operators operators = new Operators(terminal.db(), new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, random),
                terminal.audit(), terminal.clock());
        operators.add(new Operator("commissioning", "调试 Commissioning", Role.SUPERVISOR, true), password.clone(), technician);
        VoidOutcome v = terminal.voidDesk(operators).voidSettlement(settledSetlId, "commissioning", password,
                "commissioning checklist");
        check(v.kind() == VoidOutcome.Kind.VOIDED, "expected VOIDED, got " + v.kind() + " — " + v.message());
        new org.medcard.terminal.voids.VoidDocuments(terminal.queue(), terminal.receipts().journal(), terminal.letterhead()).voidReceipt(v, "commissioning checklist", technician).ifPresent(terminal.receipts()::issue);
        return "setl_id " + settledSetlId + " voided, account refund " + v.accountFen() + " fen";
    }

    private String dayClose() {
        DayClose.Result r = terminal.dayClose().close(LocalDate.now(terminal.clock()));
        terminal.receipts().issue(r.toReport(terminal.letterhead().stamp(technician)));
        check(r.reconciliation().result() == DayCloseReport.Result.MATCH, "reconciliation " + r.reconciliation().result()
                + (r.reconciliation().detail() == null ? "" : ": " + r.reconciliation().detail()));
        return r.count() + " settlement(s), reconciliation MATCH";
    }

    // ---------------------------------------------------------------- helpers

    private SaleOutcome sell(SaleRequest request) {
        return terminal.pharmacySale().sell(request);
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
        return (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
    }

    private SettlementCenter center() {
        return SimulatedCenter.of(terminal.embeddedCenter().orElseThrow());
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
