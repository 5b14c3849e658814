package org.medcard.terminal.present.outcome;

import java.util.Locale;
import java.util.Optional;

import org.medcard.terminal.present.counter.ReceiptOutput;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document of a desk screen's last outcome: journalled when the outcome ends (the {@link ReceiptDesk.Issued}
 * kept), then printed or saved from that same numbered entry, as the counter's F7/F8 do; never rendered by a second
 * path. {@link #issue} and the copies run on the worker; {@link #ready()} may be asked on any thread.
 */
public final class OutcomeSlip {

    /** This helper's strings ({@code texts.properties}, English and Simplified Chinese). */
    public static final String BUNDLE = "org.medcard.terminal.present.outcome.texts";
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeSlip.class);

    private final ReceiptOutput output;
    private final Texts texts;
    private volatile ReceiptDesk.Issued last;

    /** @param output the terminal's one receipt desk, as the counter's ({@code DeskReceiptOutput}) */
    public OutcomeSlip(ReceiptOutput output, Locale language) {
        this.output = output;
        this.texts = Texts.of(BUNDLE, language);
    }

    /** A line the operator reads after a copy: what happened, or what went wrong and what to do. */
    public record Copy(String line, boolean problem) {
    }

    /**
     * Journals the outcome's document and keeps it for print and save; an outcome without one (a refusal) leaves
     * nothing to print. A journal failure is logged: the outcome stands, only its slip is missing.
     */
    public Optional<ReceiptDesk.Issued> issue(Optional<ReceiptDocument> document) {
        last = null;
        if (document.isEmpty()) {
            return Optional.empty();
        }
        try {
            last = output.issue(document.get());
            return Optional.of(last);
        } catch (RuntimeException e) {
            LOG.error("The outcome's slip could not be journalled: {}", e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** Whether F7/F8 have a slip to copy. */
    public boolean ready() {
        return last != null;
    }

    /** The kept slip's journal entry. */
    public Optional<ReceiptDesk.Issued> last() {
        return Optional.ofNullable(last);
    }

    /** Forgets the slip (signed out, or a new outcome is under way). */
    public void forget() {
        last = null;
    }

    /**
     * F7 (print on the configured printer) or F8 (save as a PDF, owner-only, never over an earlier file) of the kept
     * slip; with nothing kept, the "no slip yet" line. Runs on the worker.
     */
    public Copy copy(boolean print) {
        ReceiptDesk.Issued r = last;
        if (r == null) {
            return new Copy(texts.text("slip.none"), true);
        }
        try {
            return new Copy(print ? texts.text("slip.printed", Long.toString(r.id()), output.print(r))
                    : texts.text("slip.saved", Long.toString(r.id()), output.savePdf(r)), false);
        } catch (RuntimeException e) {
            LOG.warn("Slip {} could not be copied: {}", r.id(), e.getMessage());
            return new Copy(texts.text("slip.failed", e.getMessage() == null ? e.toString() : e.getMessage()), true);
        }
    }
}
