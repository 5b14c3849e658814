package org.medcard.terminal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.receipt.CommissioningReport;
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
     * Runs the commissioning checklist on {@code terminal}, which must run on the training reader and the
     * embedded center; returns the report, not yet journalled or printed.
     */
    CommissioningReport commission(Terminal terminal, String technician);

    /** The embedded simulated center of a training terminal. */
    interface EmbeddedCenter {

        /** Its loopback port. */
        int port();

        void stop();
    }
}
