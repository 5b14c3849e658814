package org.medcard.terminal.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import org.medcard.simulator.SimulatorMain;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.terminal.TrainingMode;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.receipt.CommissioningReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** TRAINING MODE with the simulator module (registered in {@code META-INF/services}). */
public final class SimulatorTraining implements TrainingMode {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorTraining.class);

    @Override
    public TrainingReader reader(Path dataDir, Clock clock) {
        try {
            return new SimulatorTrainingReader(CardProfiles.bundled(), dataDir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the training cards in " + dataDir, e);
        }
    }

    @Override
    public EmbeddedCenter startCenter(Path dataDir, Clock clock) {
        SettlementCenter c = new SettlementCenter(CenterConfig.of(dataDir.resolve("center.db").toString()), clock);
        c.start(0);
        LOG.warn("TRAINING MODE: embedded simulated center on 127.0.0.1:{} ({})", c.port(), dataDir.resolve("center.db"));
        return new SimulatedCenter(c);
    }

    @Override
    public CommandLine technicianCommands(Clock clock, InputStream stdin) {
        return SimulatorMain.commandLine(clock, stdin);
    }

    @Override
    public CommissioningReport commission(Counter counter, String technician) {
        return new Commissioning(counter, technician).run();
    }
}
