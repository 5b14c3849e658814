package org.medcard.terminal.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.text.Texts;

/**
 * What every screen is built from: the terminal (composition root of the core), the operators, the two executors
 * and the shell. {@code worker} is the reader's single worker thread: all device, center and database work;
 * {@code ui} runs on the event thread. {@code ticker} schedules periodic work (it runs on the worker thread).
 * {@code cards} is the app's one card watch: every desk with a card panel (the counter, the registration desk) shows
 * its card, so a card is read once through the one card session (issue 15).
 */
public record AppContext(Terminal terminal, Operators operators, Executor worker, Executor ui,
                         ScheduledExecutorService ticker, Shell shell, UiFonts fonts, CardWatch cards) {

    public Locale locale() {
        return terminal.config().language();
    }

    /**
     * The signed-in operator's name, asked each time (the models record it as the cashier; "?" only if a screen
     * acts with nobody signed in, which the shell does not allow).
     */
    public Supplier<String> operatorName() {
        return () -> shell.operator().map(Operator::name).orElse("?");
    }

    /** A presentation bundle in the terminal's language. */
    public Texts texts(String bundle) {
        return Texts.of(bundle, locale());
    }

    /** Where the desktop saves receipts as PDFs: {@code <data dir>/receipts}, named by kind and journal number. */
    public Path receiptsDir() {
        return terminal.config().dataDir().resolve("receipts");
    }

    /** The terminal's one receipt desk as the screens print and save through it (journal, printer, paper). */
    public DeskReceiptOutput receiptOutput() {
        return new DeskReceiptOutput(terminal.receipts(), receiptsDir());
    }

    /** A desk screen's slip (issue 15): each outcome's document journalled once, then printed or saved from that entry. */
    public OutcomeSlip outcomeSlip() {
        return new OutcomeSlip(receiptOutput(), locale());
    }
}
