package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * Issue 15, supervisor: a disabled operator is enabled again (audited like disable), and the sale to void is picked
 * from today's list with its amounts, the confirmation saying what will be voided. A training terminal (virtual
 * card and PSAM, embedded center on loopback, SQLite in a temp folder), inline executors, recording views.
 */
class SupervisorPicksTest {

    private static final Executor INLINE = Runnable::run;

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
        terminal = TrainingTerminals.open(dir, Map.of("language", language));
        operators = new Operators(terminal.db(), new PasswordHasher(1_000, new SecureRandom()), terminal.audit(), terminal.clock());
        supervisor = operators.add(new Operator("sup01", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        operators.add(new Operator("cash01", "李收银", Role.CASHIER, true), "cashier-pw-1".toCharArray(), "setup");
    }

    /** Metformin x3 with 10.01 from the account (fund 34.02, account 10.01, cash 4.57), journalled as the counter does. */
    private SaleReceipt settledSale() throws Exception {
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")),
                () -> "123456".toCharArray(), "cash01").withRequestedAccount(1_001)));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        SaleReceipt r = (SaleReceipt) o.receiptDocument().orElseThrow();
        terminal.receipts().issue(r);
        return r;
    }

    @Test
    void aDisabledOperatorIsEnabledAgain_signsInWithTheOldPassword_auditedWithTheSupervisor() {
        open("en");
        SupervisorScreensTest.RecordingOperatorsView view = new SupervisorScreensTest.RecordingOperatorsView();
        OperatorsModel model = new OperatorsModel(operators, () -> supervisor, terminal.language(), view, INLINE, INLINE);
        model.disable("cash01");
        assertTrue(operators.signIn("cash01", "cashier-pw-1".toCharArray()) instanceof SignInResult.Rejected);

        model.enable("cash01");

        assertEquals("Operator cash01 enabled again; the same password signs in.", view.done.get(1));
        assertEquals("Active", view.last().stream().filter(r -> r.name().equals("cash01")).findFirst().orElseThrow().stateText());
        assertTrue(operators.signIn("cash01", "cashier-pw-1".toCharArray()) instanceof SignInResult.SignedIn);
        List<String> audited = terminal.audit().latest(20).stream().filter(e -> "sup01".equals(e.operator()) && "cash01".equals(e.detail()))
                .map(e -> e.action()).toList();
        assertEquals(List.of("operator.activate", "operator.deactivate"), audited);

        OperatorsModel byCashier = new OperatorsModel(operators, () -> new Operator("cash01", "李收银", Role.CASHIER, true), terminal.language(),
                view, INLINE, INLINE);
        byCashier.enable("sup01");
        assertEquals("Only a supervisor may do this. Ask a supervisor to sign in.", view.messages.get(view.messages.size() - 1));
    }

    static final class RecordingPickView implements VoidPickView {
        final List<List<SaleToVoid>> offered = new ArrayList<>();
        final List<List<String>> lines = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void chooseSale(List<SaleToVoid> sales, List<String> l) {
            offered.add(sales);
            lines.add(l);
        }

        @Override
        public void showBusy(boolean busy, String what) {
        }

        @Override
        public void showMessage(String message) {
            messages.add(message);
        }
    }

    @Test
    void theSaleToVoidIsPickedFromTodaysList_withItsAmounts_andTheConfirmationSaysWhatIsVoided() throws Exception {
        open("en");
        RecordingPickView view = new RecordingPickView();
        VoidPickModel pick = new VoidPickModel(new TodaysSales(terminal.receipts().journal()), terminal.clock(), Locale.ENGLISH, view,
                INLINE, INLINE);
        pick.pick();
        assertEquals(List.of("No sale today that could be voided. Type the settlement number of an earlier sale."), view.messages);

        SaleReceipt sale = settledSale();
        pick.pick();

        SaleToVoid s = view.offered.get(0).get(0);
        assertEquals(1, view.offered.get(0).size());
        assertEquals(sale.setlId(), s.setlId());
        assertEquals(List.of(4_860L, 3_402L, 1_001L, 457L), List.of(s.totalFen(), s.fundFen(), s.acctFen(), s.cashFen()));
        String masked = sale.insured().maskedCardNo();
        assertEquals(s.at().toLocalTime().toString().substring(0, 5) + "  " + masked + "  " + sale.insured().name()
                + "  fund 34.02 · account 10.01 · cash 4.57 = 48.60  (" + sale.setlId() + ")", view.lines.get(0).get(0));
        assertTrue(!view.lines.get(0).get(0).contains(sale.insured().cardNo()), "the card number only masked");
        String what = pick.describe(sale.setlId());
        assertTrue(what.startsWith("To be voided: " + sale.insured().name() + ", card " + masked + ", sold "), what);
        assertTrue(what.contains("total 48.60 yuan: fund 34.02, account 10.01 (back to the card as a pending load), cash 4.57"), what);
        assertEquals("No receipt of settlement 0000 in this terminal's journal: check the number on the receipt.", pick.describe("0000"));

        // Voided, it leaves the list.
        SupervisorScreensTest.RecordingVoidView voidView = new SupervisorScreensTest.RecordingVoidView();
        voidView.answer = new SupervisorConfirmation(true, "sup01", "supervisor-pw".toCharArray(), "returned");
        new VoidModel(terminal.voidDesk(operators), terminal.voidTexts(), (o, reason, sup) -> new org.medcard.terminal.voids.VoidDocuments(terminal.queue(), terminal.receipts().journal(), terminal.letterhead()).voidReceipt(o, reason, sup), SupervisorScreensTest.slip(terminal, dir), terminal.language(), voidView, INLINE, INLINE).voidSettlement(s.setlId());
        assertEquals(VoidOutcome.Kind.VOIDED, voidView.results.get(0).outcome().kind());
        pick.pick();
        assertEquals(1, view.offered.size(), "nothing offered any more");
        assertEquals(2, view.messages.size());
    }
}
