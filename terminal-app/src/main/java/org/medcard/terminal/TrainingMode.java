package org.medcard.terminal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleDocuments;
import org.medcard.terminal.resettle.ResettleTexts;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleDocuments;
import org.medcard.terminal.sale.SaleTexts;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.terminal.voids.VoidDocuments;
import org.medcard.terminal.voids.VoidTexts;
import picocli.CommandLine;

/**
 * The one door to TRAINING MODE: everything that needs the simulator (the training reader with its cards and
 * PSAM, the embedded simulated center, the technician's {@code medcard simulator …} tool and the commissioning
 * checklist) is behind this interface, implemented in {@code org.medcard.terminal.training} — the only package
 * of the terminal that imports {@code org.medcard.simulator}. The rest of the terminal finds it with
 * {@link #installed()} ({@link ServiceLoader}); a production build that leaves that package (and the simulator
 * jar) out has no training mode, and a configuration asking for the simulator then fails at start with one
 * sentence.
 */
public interface TrainingMode {

    /** The implementation on the class path, if this build has training mode. */
    static Optional<TrainingMode> installed() {
        return ServiceLoader.load(TrainingMode.class, TrainingMode.class.getClassLoader()).findFirst();
    }

    /** The training mode, or a refusal saying this build has none. */
    static TrainingMode required(String forWhat) {
        return installed().orElseThrow(() -> new IllegalStateException(forWhat + " needs TRAINING MODE (the built-in"
                + " simulator), which this build of the terminal does not contain"));
    }

    /** The simulated reader with the virtual PSAM; training cards keep their state under {@code dataDir}. */
    TrainingReader reader(Path dataDir, Clock clock);

    /** Starts the embedded simulated center on a free loopback port, its database in {@code dataDir}. */
    EmbeddedCenter startCenter(Path dataDir, Clock clock);

    /** {@code medcard simulator …}: the simulator's technician tool (the caller adds {@code commission}). */
    CommandLine technicianCommands(Clock clock, InputStream stdin);

    /**
     * Runs the commissioning checklist on {@code counter} (a training terminal's services: the training reader, the
     * embedded center); returns the report, not yet journalled or printed.
     */
    CommissioningReport commission(Counter counter, String technician);

    /**
     * What the commissioning checklist drives on a training terminal, and nothing else of it: the simulated parts it
     * presents cards with and injects faults into, the desks it makes sales, re-settlements, voids and the day close
     * with, the paper it journals. Built from the root by {@link #of(Terminal)}, so the training package never takes
     * the whole {@link Terminal}.
     */
    record Counter(Parts parts, Desks desks, Paper paper, Clock clock) {
        public Counter {
            Objects.requireNonNull(parts, "parts");
            Objects.requireNonNull(desks, "desks");
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(clock, "clock");
        }

        /**
         * The simulated reader and center, the card session that opens the card and PSAM, the parts' states, and the
         * queue with its forwarder (the checklist's offline sale must be forwarded).
         */
        public record Parts(TrainingReader reader, EmbeddedCenter center, CardSession cards, Supplier<TerminalState> state,
                            OfflineQueue queue, Forwarder forwarder) {
        }

        /**
         * The pharmacy sale and its words, re-settlement, voids by the checklist's own supervisor in {@code operators} and
         * their words, and the day close with the center as it is when the step runs.
         */
        public record Desks(PharmacySale sale, SaleTexts saleTexts, ResettleDesk resettle, ResettleTexts resettleTexts,
                            Operators operators, VoidDesk voids, VoidTexts voidTexts, Supplier<DayClose> dayClose) {
        }

        /** The receipt desk every document of the checklist is journalled at, and the documents' builders. */
        public record Paper(ReceiptDesk receipts, Letterhead letterhead, SaleDocuments sales, ResettleDocuments resettlements,
                            VoidDocuments voids) {
        }

        /**
         * The checklist's counter on {@code t}, which must run on the simulator's reader and PSAM and the embedded center:
         * commissioning makes sales, voids them and closes the day, which must never reach a real center or card.
         */
        public static Counter of(Terminal t) {
            if (!t.config().trainingMode() || t.devices().training().isEmpty() || t.embeddedCenter().isEmpty()) {
                throw new IllegalStateException("commissioning runs sales, voids and a day close: it needs the simulator's reader"
                        + " and PSAM (reader=simulator, psam=simulator) and the embedded center (center.url=embedded)");
            }
            Operators operators = t.operators();
            return new Counter(
                    new Parts(t.devices().training().get(), t.embeddedCenter().get(), t.cardSession(), t::state, t.queue(),
                            t.forwarder().orElseThrow()),
                    new Desks(t.pharmacySale(), t.saleTexts(), t.resettleDesk(), t.resettleTexts(), operators, t.voidDesk(operators),
                            t.voidTexts(), t::dayClose),
                    new Paper(t.receipts(), t.letterhead(), t.saleDocuments(), t.resettleDocuments(), t.voidDocuments()),
                    t.clock());
        }
    }

    /** The embedded simulated center of a training terminal. */
    interface EmbeddedCenter {

        /** Its loopback port. */
        int port();

        void stop();
    }
}
