package org.medcard.terminal.tamper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.medcard.queue.JournalEntry;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.TamperReport;
import org.medcard.terminal.logging.SensitiveNumbers;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.operator.SignInResult;

/**
 * The queue's tamper findings for a supervisor. Every finding is written to the audit log when the terminal first
 * finds it ({@code QUEUE_TAMPER_FOUND}), and every acknowledgement too ({@code QUEUE_TAMPER_ACKNOWLEDGED}, one line
 * per finding, by the supervisor's name), so the history survives the queue resealing what it acknowledged.
 * Acknowledging lets forwarding resume for the rows that verify; rows found edited that had not reached the center
 * are held from it for good ({@link OfflineQueue#heldAfterTamper()}).
 *
 * <p>Threads: any one thread at a time (the CLI's, or the supervisor screen's worker).
 */
public final class TamperFindings {
    static final String FOUND = "QUEUE_TAMPER_FOUND";
    static final String ACKNOWLEDGED = "QUEUE_TAMPER_ACKNOWLEDGED";
    static final String REFUSED = "QUEUE_TAMPER_ACK_REFUSED";
    static final String RELEASED = "QUEUE_ROW_RELEASED";
    static final String RELEASE_REFUSED = "QUEUE_ROW_RELEASE_REFUSED";
    private static final String NOTE = " — note: ";

    private final OfflineQueue queue;
    private final AuditLog audit;

    public TamperFindings(OfflineQueue queue, AuditLog audit) {
        this.queue = queue;
        this.audit = audit;
    }

    /** What the last check found, recorded in the audit log if new (call at start and after every check). */
    public void recordFound() {
        record(queue.tamperReport());
    }

    private void record(TamperReport report) {
        if (report.clean()) {
            return;
        }
        List<String> known = audit.entries(FOUND).stream().map(AuditLog.Entry::detail).toList();
        for (String f : report.findings()) {
            if (!known.contains(f)) {
                audit.record("terminal", FOUND, f);
            }
        }
    }

    /** Checks the queue now and lists every finding ever recorded, oldest first. */
    public List<TamperFinding> list() {
        TamperReport report = queue.verify();
        record(report);
        Map<String, AuditLog.Entry> acks = new LinkedHashMap<>();
        for (AuditLog.Entry a : audit.entries(ACKNOWLEDGED)) {
            int cut = a.detail().indexOf(NOTE);
            acks.putIfAbsent(cut < 0 ? a.detail() : a.detail().substring(0, cut), a);
        }
        List<TamperFinding> out = new ArrayList<>();
        for (AuditLog.Entry f : audit.entries(FOUND)) {
            AuditLog.Entry a = acks.get(f.detail());
            String note = null;
            if (a != null) {
                int cut = a.detail().indexOf(NOTE);
                note = cut < 0 ? "" : a.detail().substring(cut + NOTE.length());
            }
            out.add(new TamperFinding(f.id(), f.detail(), f.at(), a == null ? null : a.operator(), a == null ? null : a.at(),
                    note, report.findings().contains(f.detail())));
        }
        return out;
    }

    /** Whether an unacknowledged finding stops forwarding now. */
    public boolean blocking() {
        return queue.forwardingBlocked();
    }

    /** Rows held from the center after an acknowledgement ("table key: why"). */
    public List<String> held() {
        return queue.heldAfterTamper();
    }

    /**
     * One finding with the journal's lines for the row it names (what the terminal itself wrote, card and ID
     * numbers masked) and, once acknowledged, the row as it was found.
     */
    public Optional<Detail> show(long id) {
        Optional<TamperFinding> f = list().stream().filter(x -> x.id() == id).findFirst();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        String[] words = f.get().what().split(" ");
        List<String> lines = new ArrayList<>();
        if (words.length > 1 && List.of("outbox", "offline_debit", "resettlement").contains(words[0])) {
            for (long after = 0; ; ) {
                List<JournalEntry> page = queue.journal(after, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (JournalEntry e : page) {
                    if (words[0].equals(e.entity()) && words[1].equals(e.entityId())) {
                        lines.add(e.seq() + "  " + e.at() + "  " + e.kind() + "  " + SensitiveNumbers.maskAll(e.payload()));
                    }
                }
                after = page.get(page.size() - 1).seq();
            }
        }
        List<String> held = held().stream().filter(h -> words.length > 1 && h.startsWith(words[0] + " " + words[1] + ":")).toList();
        return Optional.of(new Detail(f.get(), lines, held));
    }

    /** A finding with the journal lines of its row and whether that row is held. */
    public record Detail(TamperFinding finding, List<String> journal, List<String> held) {
    }

    /** The result of an acknowledgement. */
    public record Acknowledgement(boolean done, List<TamperFinding> findings, List<String> held) {
    }

    /**
     * A supervisor, signing in with a password for this one action, acknowledges every open finding.
     *
     * @return not done when the name and password are not a supervisor's (audited)
     */
    public Acknowledgement acknowledge(Operators operators, String supervisor, char[] password, String note) {
        SignInResult r = operators.signIn(supervisor, password);
        if (!(r instanceof SignInResult.SignedIn s && s.operator().role().covers(Role.SUPERVISOR))) {
            audit.record(supervisor, REFUSED, "not a supervisor, or a wrong password");
            return new Acknowledgement(false, list(), held());
        }
        return acknowledge(supervisor, note);
    }

    /** The result of a release: whether the technician was one, and the rows released ("table key"). */
    public record Release(boolean allowed, List<String> released) {
    }

    /**
     * A technician, signing in with a password for this one action, lets the rows held for {@code key} (a msgid or a
     * sale id) go to the center again, after finding out what changed them ({@code note}, kept in the audit log and
     * the queue's journal). A held row is never sent without this.
     *
     * @return not allowed when the name and password are not a technician's (audited)
     */
    public Release release(Operators operators, String technician, char[] password, String key, String note) {
        SignInResult r = operators.signIn(technician, password);
        if (!(r instanceof SignInResult.SignedIn s && s.operator().role().covers(Role.TECHNICIAN))) {
            audit.record(technician, RELEASE_REFUSED, "not a technician, or a wrong password");
            return new Release(false, List.of());
        }
        String text = note == null || note.isBlank() ? "(no note)" : note.strip();
        List<String> released = queue.releaseHeld(key, technician, text);
        for (String row : released) {
            audit.record(technician, RELEASED, row + NOTE + text);
        }
        return new Release(true, released);
    }

    /** The signed-in supervisor (the supervisor screen) acknowledges every open finding. */
    public Acknowledgement acknowledge(String supervisor, String note) {
        List<TamperFinding> open = list().stream().filter(f -> f.status() == TamperFinding.Status.OPEN).toList();
        if (open.isEmpty() && !queue.forwardingBlocked()) {
            return new Acknowledgement(true, list(), held()); // nothing to acknowledge: nothing journalled
        }
        String text = note == null || note.isBlank() ? "(no note)" : note.strip();
        queue.acknowledgeTamper(supervisor, text);
        for (TamperFinding f : open) {
            audit.record(supervisor, ACKNOWLEDGED, f.what() + NOTE + text);
        }
        return new Acknowledgement(true, list(), held());
    }
}
