package org.medcard.terminal.present.supervisor;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.present.outcome.DeskSlip;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.present.outcome.SlipKeys;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.terminal.voids.VoidOutcome;
import org.medcard.terminal.voids.VoidTexts;

/**
 * Voids a settlement (2103). The supervisor confirms with their own name and password even when already
 * signed in: a void hands money back, so the person who approves it is recorded, not whoever left the
 * counter signed in. The void desk checks the role, audits every attempt and wipes the password.
 *
 * <p>Threads: public methods on the UI thread; the 2103 runs on {@code worker}.
 */
public final class VoidModel implements SlipKeys {

    /** A void's receipt (the desktop wires it to the terminal's void documents); empty when nothing was voided. Runs on the worker. */
    @FunctionalInterface
    public interface Journal {
        Optional<ReceiptDocument> record(VoidOutcome outcome, String reason, String supervisor);
    }

    private final VoidDesk desk;
    private final VoidTexts words;
    private final Journal journal;
    private final DeskSlip slip;
    private final VoidView view;
    private final Texts texts;
    private final Work work;

    public VoidModel(VoidDesk desk, VoidTexts words, Locale language, VoidView view, Executor worker, Executor ui) {
        this(desk, words, (o, reason, supervisor) -> Optional.empty(), null, language, view, worker, ui);
    }

    /**
     * @param words   the desk's outcome in the configured language (the desk builds no text)
     * @param journal each void's receipt, journalled as the CLI journals it
     * @param slip    the one receipt desk: journals it and keeps it for F7 print / F8 save (issue 15)
     */
    public VoidModel(VoidDesk desk, VoidTexts words, Journal journal, OutcomeSlip slip, Locale language, VoidView view,
                     Executor worker, Executor ui) {
        this.desk = desk;
        this.words = words;
        this.journal = journal;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.slip = new DeskSlip(texts.text("slip.none")).keep(slip);
        this.work = new Work(view, worker, ui, texts);
    }

    public void voidSettlement(String setlId) {
        String id = setlId == null ? "" : setlId.trim();
        if (id.isEmpty()) {
            view.showMessage(texts.text("void.missing"));
            return;
        }
        SupervisorConfirmation c = view.confirmVoid(id);
        if (c == null || !c.confirmed()) {
            if (c != null) {
                c.wipe();
            }
            return;
        }
        if (c.reason() == null || c.reason().isBlank()) {
            c.wipe();
            view.showMessage(texts.text("void.reason_missing"));
            return;
        }
        String reason = c.reason().trim();
        String supervisor = c.supervisor();
        work.run(texts.text("busy.void", id), () -> {
            slip.forget();
            VoidOutcome o = desk.voidSettlement(id, supervisor, c.password(), reason);
            // The void stands whatever happens to its receipt (a failure is logged).
            slip.replace(() -> journal.record(o, reason, supervisor));
            return o;
        }, o -> view.showVoided(result(o)));
    }

    /** The last outcome's journalled document, kept for the print and save keys. */
    @Override
    public DeskSlip deskSlip() {
        return slip;
    }

    /** F7 / F8: the last void's journalled receipt printed or saved on the worker. */
    @Override
    public void copySlip(boolean print) {
        slip.copy(print, this::showSlip, copy -> work.run(texts.text("busy.slip"), copy, this::showSlip));
    }

    private void showSlip(OutcomeSlip.Copy c) {
        view.showSlip(c.line(), c.problem());
    }

    VoidResult result(VoidOutcome o) {
        String detail = words.line(o);
        if (o instanceof VoidOutcome.Voided v) {
            return v.cashBackFen() > 0
                    ? new VoidResult(o, true, texts.text("void.hand_back", Money.formatYuan(v.cashBackFen())), detail)
                    : new VoidResult(o, false, texts.text("void.done"), detail);
        }
        if (o instanceof VoidOutcome.Pending) {
            return new VoidResult(o, false, texts.text("void.pending"), detail);
        }
        if (o instanceof VoidOutcome.Rejected) {
            return new VoidResult(o, false, texts.text("void.rejected"), detail);
        }
        return new VoidResult(o, false, texts.text("void.refused"), detail);
    }
}
