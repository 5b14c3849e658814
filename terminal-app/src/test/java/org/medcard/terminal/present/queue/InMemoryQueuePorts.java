package org.medcard.terminal.present.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.medcard.queue.ForwardResult;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSummary;
import org.medcard.terminal.resettle.EntryView;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.status.PartListener;

/**
 * The queue screen's ports in memory: a queue of {@link #waiting} messages that a forward sends one answer at a
 * time, a list of entries, a re-settlement desk that asks the PIN and settles the entry whose card is in the reader,
 * and recorders for the receipts and the status bar's reports. No SQLite, no HTTP, no simulator.
 */
final class InMemoryQueuePorts implements QueueLedger, CenterLink, EntryDesk, ResettleReceipts, PartListener {

    /** What the queue holds: debits (fen), other messages, open entries; set a test's own with {@link #summary}. */
    QueueSummary summary = summary(0, 0, 0, 0);
    int waiting;
    boolean reachable = true;
    /** The answers the next forward gets, in order (each one sends one message). */
    final List<ForwardResult> answers = new ArrayList<>();
    int expiries;
    final List<EntryView> entries = new ArrayList<>();
    /** The ID number of the card in the reader (a card of another patient is refused). */
    String cardId;
    /** What the settled entries pay back: the fund's and the account's shares. */
    long fundFen;
    long accountFen;
    int settleCalls;
    /** What each re-settlement asked of the personal account (empty: as much as it allows). */
    final List<OptionalLong> requestedAccount = new ArrayList<>();
    final List<ResettleOutcome> issued = new ArrayList<>();
    boolean receiptsFail;
    final List<String> reports = new ArrayList<>();

    QueueModel.Ports ports() {
        return new QueueModel.Ports(this, this, this, this, this);
    }

    static QueueSummary summary(long debits, long debitFen, long messages, long openEntries) {
        return new QueueSummary(debits, debitFen, Duration.ofMinutes(125), messages, 0, 0, openEntries, 0, false, false);
    }

    static EntryView openEntry(String entryNo, String id, long cashPaidFen) {
        return new EntryView(entryNo, "OPEN", "READER", "2026-12-07 09:15:00", id, cashPaidFen, Optional.empty(), Optional.empty(), true);
    }

    static ForwardResult done(String msgid) {
        return new ForwardResult(msgid, "8400", OutboxState.DONE, 0, null, 1, 0);
    }

    static ForwardResult unanswered(String msgid) {
        return new ForwardResult(msgid, "8400", OutboxState.UNKNOWN, null, "read timed out", 0, 0);
    }

    // ---------------------------------------------------------------- QueueLedger

    @Override
    public QueueSummary summary() {
        return summary;
    }

    @Override
    public int waiting() {
        return waiting;
    }

    @Override
    public void expireResettlements() {
        expiries++;
    }

    // ---------------------------------------------------------------- CenterLink

    @Override
    public boolean reachable() {
        return reachable;
    }

    @Override
    public List<ForwardResult> forwardNow(Consumer<ForwardResult> eachAnswer) {
        List<ForwardResult> sent = new ArrayList<>();
        for (ForwardResult r : answers) {
            sent.add(r);
            if (r.state() != OutboxState.UNKNOWN) {
                waiting--;
                summary = summary(summary.queuedDebits(), summary.queuedDebitFen(), Math.max(0, summary.pendingMessages() - 1),
                        summary.openResettlements());
            }
            eachAnswer.accept(r);
            if (r.state() == OutboxState.UNKNOWN) {
                break;
            }
        }
        answers.clear();
        return sent;
    }

    // ---------------------------------------------------------------- EntryDesk

    @Override
    public List<EntryView> entries() {
        return List.copyOf(entries);
    }

    @Override
    public ResettleOutcome settle(String entryNo, String cashier, PinSource pin, OptionalLong requestedAccountFen) {
        settleCalls++;
        requestedAccount.add(requestedAccountFen);
        EntryView e = entries.stream().filter(x -> x.entryNo().equals(entryNo)).findFirst().orElseThrow();
        if (!e.psnCertNo().equals(cardId)) {
            return refused(entryNo, "The card in the reader does not belong to the patient of entry " + entryNo + ".");
        }
        if (accountFen > 0) {
            char[] p = pin.pin(accountFen, -1);
            if (p == null) {
                return refused(entryNo, "No PIN was entered: nothing was paid.");
            }
            java.util.Arrays.fill(p, '\0');
        }
        entries.set(entries.indexOf(e), new EntryView(e.entryNo(), "SETTLED", e.fault(), e.originalTime(), e.psnCertNo(),
                e.cashPaidFen(), Optional.of("S-" + entryNo), Optional.empty(), e.local()));
        summary = summary(summary.queuedDebits(), summary.queuedDebitFen(), summary.pendingMessages(), summary.openResettlements() - 1);
        return new ResettleOutcome.Settled(entryNo, "S-" + entryNo, fundFen, accountFen, fundFen + accountFen);
    }

    /** A refusal whose one argument is already the line this in-memory desk words it as. */
    private static ResettleOutcome refused(String entryNo, String message) {
        return new ResettleOutcome.Refused(entryNo, "resettle.refused", List.of(message));
    }

    @Override
    public String line(ResettleOutcome outcome) {
        return outcome instanceof ResettleOutcome.Refused r ? String.valueOf(r.messageArgs().get(0))
                : "Entry " + outcome.entryNo() + " re-settled.";
    }

    // ---------------------------------------------------------------- ResettleReceipts

    @Override
    public void issue(ResettleOutcome outcome, String cashier) {
        if (receiptsFail) {
            throw new IllegalStateException("journal disk full");
        }
        issued.add(outcome);
    }

    // ---------------------------------------------------------------- PartListener

    @Override
    public void ok(Part part, String reason) {
        reports.add(part + " ok: " + reason);
    }

    @Override
    public void fault(Part part, String reason) {
        reports.add(part + " fault: " + reason);
    }

    @Override
    public void none(Part part, String reason) {
        reports.add(part + " none: " + reason);
    }
}
