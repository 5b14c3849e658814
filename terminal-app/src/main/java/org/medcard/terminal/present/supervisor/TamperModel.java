package org.medcard.terminal.present.supervisor;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.medcard.terminal.text.Texts;

import org.medcard.terminal.tamper.TamperFinding;
import org.medcard.terminal.tamper.TamperFindings;

/**
 * The queue's tamper findings for the signed-in supervisor: what was found changed, when, who acknowledged it; and
 * acknowledging, with a note, which lets forwarding resume for the rows that verify (rows found edited stay held).
 * The acknowledgement is recorded in the audit log under the supervisor's name (issue 18, case 4).
 *
 * <p>Threads: public methods on the UI thread; the queue and the audit log are read on {@code worker}.
 */
public final class TamperModel {
    private final TamperFindings findings;
    private final Supplier<String> supervisor;
    private final TamperView view;
    private final Texts texts;
    private final Work work;

    public TamperModel(TamperFindings findings, Supplier<String> supervisor, java.util.Locale locale, TamperView view,
                       Executor worker, Executor ui) {
        this.findings = findings;
        this.supervisor = supervisor;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, locale);
        this.work = new Work(view, worker, ui, texts);
    }

    /** Checks the queue and shows every finding. */
    public void refresh() {
        work.run(texts.text("busy.tamper"), () -> answer(findings.list()), view::showTamper);
    }

    /** The signed-in supervisor acknowledges every open finding; {@code note} says what was found out. */
    public void acknowledge(String note) {
        if (note == null || note.isBlank()) {
            view.showMessage(texts.text("tamper.note_needed"));
            return;
        }
        String by = supervisor.get();
        work.run(texts.text("busy.tamper"), () -> {
            findings.acknowledge(by, note);
            return answer(findings.list());
        }, view::showTamper);
    }

    TamperAnswer answer(List<TamperFinding> all) {
        boolean blocking = findings.blocking();
        List<String> held = findings.held();
        String headline = blocking ? texts.text("tamper.blocked", all.stream().filter(f -> f.status() == TamperFinding.Status.OPEN).count())
                : all.isEmpty() ? texts.text("tamper.none") : texts.text("tamper.resumed", held.size());
        List<String> lines = all.stream().map(f -> texts.text("tamper.line", String.valueOf(f.id()), texts.text("tamper.status." + f.status().name()),
                f.foundAt(), f.what()) + (f.acknowledgedBy() == null ? ""
                : " " + texts.text("tamper.acknowledged", f.acknowledgedBy(), f.acknowledgedAt(), f.note() == null ? "" : f.note()))).toList();
        return new TamperAnswer(blocking, headline, lines, held.stream().map(h -> texts.text("tamper.held", h)).toList());
    }
}
