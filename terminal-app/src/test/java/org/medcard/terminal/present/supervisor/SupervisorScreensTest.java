package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.operator.SignInResult;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * Void, day close and operator management with real parts and no display: a training terminal (virtual card
 * and PSAM, embedded center on loopback, SQLite files in a temp folder), operators in terminal.db, both
 * executors inline, recording views.
 */
class SupervisorScreensTest {

    private static final Executor INLINE = Runnable::run;
    private static final String METFORMIN = "XA10BAD003";

    @TempDir
    Path dir;

    private Terminal terminal;
    private Operators operators;
    private Operator supervisor;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private void open(String language) {
        open(Map.of("language", language));
    }

    private void open(Map<String, String> settings) {
        terminal = TrainingTerminals.open(dir, settings);
        operators = new Operators(terminal.db(), new PasswordHasher(1_000, new SecureRandom()), terminal.audit(), terminal.clock());
        supervisor = operators.add(new Operator("sup01", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        operators.add(new Operator("cash01", "李收银", Role.CASHIER, true), "cashier-pw-1".toCharArray(), "setup");
    }

    /** Metformin x3 with 10.01 from the account: fund 34.02, account 10.01, cash 4.57. */
    private SaleView settledSale() throws Exception {
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")),
                () -> "123456".toCharArray(), "cash01").withRequestedAccount(1_001)));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        return o;
    }

    // ---------------------------------------------------------------- void

    static class RecordingVoidView implements VoidView {
        final List<String> asked = new ArrayList<>();
        final List<VoidResult> results = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        SupervisorConfirmation answer;
        boolean busy;

        @Override
        public SupervisorConfirmation confirmVoid(String setlId) {
            asked.add(setlId);
            return answer;
        }

        @Override
        public void showVoided(VoidResult r) {
            results.add(r);
        }

        @Override
        public void showBusy(boolean b, String what) {
            busy = b;
        }

        @Override
        public void showMessage(String m) {
            messages.add(m);
        }
    }

    @Test
    void R2_voidConfirmedByTheSupervisor_cashShareHandedBack_accountShareAsAPendingLoad() throws Exception {
        open("en");
        SaleView sale = settledSale();
        RecordingVoidView view = new RecordingVoidView();
        // Wired as the desktop's SupervisorScreen wires it: the void's receipt goes into the one journal.
        VoidModel model = new VoidModel(terminal.voidDesk(operators), terminal.voidTexts(), (o, reason, supervisor) -> new org.medcard.terminal.voids.VoidDocuments(terminal.queue(), terminal.receipts().journal(), terminal.letterhead())
                .voidReceipt(o, reason, supervisor), slip(terminal, dir), terminal.language(), view, INLINE, INLINE);
        char[] password = "supervisor-pw".toCharArray();
        view.answer = new SupervisorConfirmation(true, "sup01", password, "patient returned the goods");

        model.voidSettlement(sale.setlId());

        assertEquals(List.of(sale.setlId()), view.asked, "the supervisor confirms first");
        VoidResult r = view.results.get(0);
        assertEquals(VoidOutcome.Kind.VOIDED, r.outcome().kind(), r.detail());
        assertTrue(r.handBack());
        assertEquals(java.util.Optional.of("4.57"), r.cashBackText(), "only the cash share leaves the till");
        assertEquals("Hand back 4.57 yuan cash", r.headline());
        assertTrue(r.detail().contains("10.01") && r.detail().contains("pending load"), r.detail());
        assertEquals(1_001, ((VoidOutcome.Voided) r.outcome()).accountFen());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password is wiped");
        assertTrue(terminal.audit().latest(10).stream().anyMatch(a -> a.action().equals("VOID") && a.operator().equals("sup01")));
        assertFalse(view.busy);
        var journalled = terminal.receipts().listAll();
        assertEquals(List.of("void-receipt"), journalled.stream().map(e -> e.kind()).toList(), "medcard receipt list shows the void");
        assertEquals("sup01", journalled.get(0).operator());
    }

    /** The void's receipt through the one desk, as {@code SupervisorScreen} wires it (saved PDFs in {@code dir/receipts}). */
    static org.medcard.terminal.present.outcome.OutcomeSlip slip(Terminal t, Path dir) {
        return new org.medcard.terminal.present.outcome.OutcomeSlip(
                new org.medcard.terminal.present.counter.DeskReceiptOutput(t.receipts(), dir.resolve("receipts")), java.util.Locale.ENGLISH);
    }

    @Test
    void afterAVoid_F7PrintsAndF8SavesTheJournalledVoidReceipt_andSaysSo() throws Exception {
        java.nio.file.Path printer = java.nio.file.Files.createFile(dir.resolve("printer.bin"));
        open(Map.of("language", "en", "printer", "escpos:" + printer));
        SaleView sale = settledSale();
        RecordingSlipView view = new RecordingSlipView();
        VoidModel model = new VoidModel(terminal.voidDesk(operators), terminal.voidTexts(), (o, reason, supervisor) -> terminal.voidDocuments()
                .voidReceipt(o, reason, supervisor), slip(terminal, dir), terminal.language(), view, INLINE, INLINE);
        model.printSlip();
        assertEquals(List.of("No void receipt to print yet: void a settlement first."), view.slips,
                "nothing to print before a void");
        assertFalse(model.slipReady());

        view.answer = new SupervisorConfirmation(true, "sup01", "supervisor-pw".toCharArray(), "patient returned the goods");
        model.voidSettlement(sale.setlId());
        assertEquals(VoidOutcome.Kind.VOIDED, view.results.get(0).outcome().kind());
        assertTrue(model.slipReady(), "the void's Issued is kept");
        var journalled = terminal.receipts().listAll();
        assertEquals(List.of("void-receipt"), journalled.stream().map(e -> e.kind()).toList());
        long id = journalled.get(0).id();

        view.slips.clear();
        view.problems.clear();
        model.printSlip();
        assertEquals(List.of("Slip No. " + id + " printed on " + terminal.receipts().printer().target() + "."), view.slips);
        assertTrue(java.nio.file.Files.size(printer) > 0, "the ESC/POS bytes went to the printer");
        model.saveSlip();
        java.nio.file.Path pdf = dir.resolve("receipts").resolve("void-receipt-" + id + ".pdf");
        assertEquals("Slip No. " + id + " saved as " + pdf, view.slips.get(1));
        assertTrue(new String(java.nio.file.Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                java.nio.file.Files.getPosixFilePermissions(pdf), "owner-only, as the counter's receipts");
        assertEquals(1, terminal.receipts().listAll().size(), "copies are made from the one journal entry, none is journalled again");
        assertEquals(List.of(false, false), view.problems);

        // Issue 15: signed out, the next operator's F7 cannot print this void's receipt (the Reprint screen can).
        long printed = java.nio.file.Files.size(printer);
        model.signedOut();
        assertFalse(model.slipReady());
        view.slips.clear();
        model.printSlip();
        assertEquals(List.of("No void receipt to print yet: void a settlement first."), view.slips, "as before the first void");
        assertEquals(printed, java.nio.file.Files.size(printer), "nothing more went to the printer");
        assertEquals(1, terminal.receipts().listAll().size(), "the journal entry stays");
    }

    static final class RecordingSlipView extends RecordingVoidView {
        final List<String> slips = new ArrayList<>();
        final List<Boolean> problems = new ArrayList<>();

        @Override
        public void showSlip(String line, boolean problem) {
            slips.add(line);
            problems.add(problem);
        }
    }

    @Test
    void voidByACashierIsRefused_andAVoidWithoutReasonIsNotSent() throws Exception {
        open("zh_CN");
        SaleView sale = settledSale();
        RecordingVoidView view = new RecordingVoidView();
        VoidModel model = new VoidModel(terminal.voidDesk(operators), terminal.voidTexts(), terminal.language(), view, INLINE, INLINE);

        view.answer = new SupervisorConfirmation(true, "sup01", "supervisor-pw".toCharArray(), " ");
        model.voidSettlement(sale.setlId());
        assertEquals(List.of("请填写撤销原因：将记入审计日志。"), view.messages);

        view.answer = new SupervisorConfirmation(true, "cash01", "cashier-pw-1".toCharArray(), "wrong item");
        model.voidSettlement(sale.setlId());
        assertEquals(VoidOutcome.Kind.REFUSED, view.results.get(0).outcome().kind());
        assertEquals("未撤销", view.results.get(0).headline());
        assertFalse(view.results.get(0).handBack());
        assertEquals(java.util.Optional.empty(), view.results.get(0).cashBackText(), "no void, no cash share (not a null)");

        view.answer = SupervisorConfirmation.back();
        model.voidSettlement(sale.setlId());
        assertEquals(1, view.results.size(), "going back voids nothing");
    }

    // ---------------------------------------------------------------- day close

    static final class RecordingDayCloseView implements DayCloseView {
        final List<DayCloseAnswer> answers = new ArrayList<>();
        final List<String> busyWith = new ArrayList<>();

        @Override
        public void showDayClose(DayCloseAnswer a) {
            answers.add(a);
        }

        @Override
        public void showBusy(boolean b, String what) {
            if (b) {
                busyWith.add(what);
            }
        }

        @Override
        public void showMessage(String m) {
            throw new AssertionError(m);
        }
    }

    @Test
    void dayCloseReconciledWithTheCenter_totalsPerSourceAndAudited() throws Exception {
        open("en");
        settledSale();
        RecordingDayCloseView view = new RecordingDayCloseView();

        new DayCloseModel(terminal::dayClose, terminal.audit(), terminal.receipts(), terminal.letterhead(), terminal.clock(),
                terminal.language(), () -> "sup01", view, INLINE, INLINE).closeToday();

        DayCloseAnswer a = view.answers.get(0);
        assertEquals(DayCloseReport.Result.MATCH, a.result().reconciliation().result());
        assertTrue(a.matched());
        assertEquals("Day 2026-11-23 reconciled: the center agrees (1 settlement(s)).", a.headline());
        assertEquals("Online: 1 · fund 34.02 · account 10.01 · cash 4.57 yuan", a.totals().get(0));
        assertEquals(5, a.totals().size(), "every source, also those without money today");
        assertEquals(List.of(), a.differences());
        assertTrue(a.queueLine().startsWith("Still waiting: 0 offline debit(s)"), a.queueLine());
        assertEquals("Closing 2026-11-23: counting and reconciling with the center\u2026", view.busyWith.get(0));
        assertTrue(terminal.audit().latest(5).stream().anyMatch(e -> e.action().equals("DAY_CLOSE") && e.detail().contains("MATCH")));
        assertEquals(List.of("day-close-report"), terminal.receipts().listAll().stream().map(e -> e.kind()).toList(),
                "the report is journalled, so medcard receipt reprint prints it again");
    }

    @Test
    void dayCloseOffline_saysItWasNotReconciled() {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of()), TrainingTerminals.CLOCK, new Terminal.Options(true, false, "sup01"));
        RecordingDayCloseView view = new RecordingDayCloseView();

        new DayCloseModel(terminal::dayClose, terminal.audit(), terminal.receipts(), terminal.letterhead(), terminal.clock(),
                terminal.language(), () -> "sup01", view, INLINE, INLINE).closeToday();

        DayCloseAnswer a = view.answers.get(0);
        assertFalse(a.matched());
        assertEquals(DayCloseReport.Result.NOT_RUN, a.result().reconciliation().result());
        assertTrue(a.headline().startsWith("2026-11-23 已统计但未对账"), a.headline());
    }

    // ---------------------------------------------------------------- operators

    static final class RecordingOperatorsView implements OperatorsView {
        final List<List<OperatorRow>> lists = new ArrayList<>();
        final List<String> done = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        boolean yes = true;

        @Override
        public void showOperators(List<OperatorRow> o) {
            lists.add(o);
        }

        @Override
        public boolean confirm(String q) {
            questions.add(q);
            return yes;
        }

        @Override
        public void showDone(String m) {
            done.add(m);
        }

        @Override
        public void showBusy(boolean b, String what) {
        }

        @Override
        public void showMessage(String m) {
            messages.add(m);
        }

        List<OperatorRow> last() {
            return lists.get(lists.size() - 1);
        }
    }

    @Test
    void operators_addDisableUnlockResetPassword_eachAuditedWithTheSupervisor() {
        open("en");
        RecordingOperatorsView view = new RecordingOperatorsView();
        OperatorsModel model = new OperatorsModel(operators, () -> supervisor, terminal.language(), view, INLINE, INLINE);

        model.refresh();
        assertEquals(List.of("cash01", "sup01"), view.last().stream().map(OperatorRow::name).toList());
        assertEquals("Supervisor", view.last().get(1).roleText());

        char[] pw = "new-cashier-1".toCharArray();
        model.add("zhang3", "张三𠀋", Role.CASHIER, pw, "new-cashier-1".toCharArray());
        assertEquals("Operator zhang3 added as Cashier.", view.done.get(0));
        assertEquals("张三𠀋", view.last().stream().filter(r -> r.name().equals("zhang3")).findFirst().orElseThrow().displayName(),
                "a name with a 4-byte character is kept whole");
        assertTrue(new String(pw).chars().allMatch(c -> c == 0), "the password is wiped");

        for (int i = 0; i < Operators.MAX_FAILED_ATTEMPTS; i++) {
            operators.signIn("zhang3", "wrong-password".toCharArray());
        }
        assertTrue(operators.signIn("zhang3", "new-cashier-1".toCharArray()) instanceof SignInResult.Locked);
        model.unlock("zhang3");
        assertEquals("Operator zhang3 unlocked.", view.done.get(1));
        assertTrue(operators.signIn("zhang3", "new-cashier-1".toCharArray()) instanceof SignInResult.SignedIn);

        model.resetPassword("zhang3", "another-pw-2".toCharArray(), "another-pw-2".toCharArray());
        assertTrue(operators.signIn("zhang3", "another-pw-2".toCharArray()) instanceof SignInResult.SignedIn);

        model.disable("zhang3");
        assertEquals("Disable operator zhang3? The account is kept for the audit trail but can no longer sign in.", view.questions.get(0));
        assertEquals("Disabled", view.last().stream().filter(r -> r.name().equals("zhang3")).findFirst().orElseThrow().stateText());
        assertTrue(operators.signIn("zhang3", "another-pw-2".toCharArray()) instanceof SignInResult.Rejected);

        List<String> audited = terminal.audit().latest(30).stream().filter(e -> "sup01".equals(e.operator())).map(e -> e.action()).toList();
        assertTrue(audited.containsAll(List.of("operator.add", "operator.unlock", "operator.password", "operator.deactivate")), audited.toString());
    }

    @Test
    void operators_mistakesAreCaughtAndACashierMayNotManage() {
        open("en");
        RecordingOperatorsView view = new RecordingOperatorsView();
        OperatorsModel model = new OperatorsModel(operators, () -> supervisor, terminal.language(), view, INLINE, INLINE);

        model.add("li4", "李四", Role.CASHIER, "password-1".toCharArray(), "password-2".toCharArray());
        model.add("li4", "李四", Role.CASHIER, "short".toCharArray(), "short".toCharArray());
        model.add("x", "李四", Role.CASHIER, "password-1".toCharArray(), "password-1".toCharArray());
        model.add("cash01", "again", Role.CASHIER, "password-1".toCharArray(), "password-1".toCharArray());
        model.disable("sup01");
        assertEquals("The two passwords differ. Type them again.", view.messages.get(0));
        assertEquals("A password needs at least 8 characters.", view.messages.get(1));
        assertTrue(view.messages.get(2).startsWith("Not done: operator name must be"), view.messages.get(2));
        assertEquals("Not done: operator cash01 already exists", view.messages.get(3));
        assertEquals("You cannot disable your own account.", view.messages.get(4));

        RecordingOperatorsView cashierView = new RecordingOperatorsView();
        OperatorsModel byCashier = new OperatorsModel(operators, () -> new Operator("cash01", "李收银", Role.CASHIER, true), terminal.language(),
                cashierView, INLINE, INLINE);
        byCashier.unlock("sup01");
        assertEquals(List.of("Only a supervisor may do this. Ask a supervisor to sign in."), cashierView.messages);
        assertEquals(List.of(), cashierView.done);
    }
}
