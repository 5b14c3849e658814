package org.medcard.terminal.present.counter;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.counter.TerminalCounterPorts;

/**
 * The counter's model on a real training terminal (simulated reader and PSAM, embedded center on loopback, SQLite
 * files in {@code dir}), wired as the desktop wires it ({@link TerminalCounterPorts}): both executors inline, a
 * recording view and a recording receipt output, English texts, cashier "cashier". For the counter's ITs.
 */
record TrainingCounter(Terminal terminal, CounterModel model, RecordingCounterView view, RecordingReceiptOutput receipts)
        implements AutoCloseable {

    static TrainingCounter open(Path dir, Map<String, String> config, RecordingReceiptOutput receipts) {
        Terminal terminal = TrainingTerminals.open(dir, config);
        RecordingCounterView view = new RecordingCounterView();
        CounterModel model = new CounterModel(TerminalCounterPorts.of(terminal, receipts), Runnable::run, Runnable::run, view,
                Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier");
        return new TrainingCounter(terminal, model, view, receipts);
    }

    /** Puts the training card {@code profile} in the simulated reader and lets the model read it. */
    VirtualMedicalCard present(String profile) throws Exception {
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
        model.pollCard();
        return card;
    }

    @Override
    public void close() {
        terminal.close();
    }
}
