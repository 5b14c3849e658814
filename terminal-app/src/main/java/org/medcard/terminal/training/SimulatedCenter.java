package org.medcard.terminal.training;

import org.medcard.simulator.center.SettlementCenter;
import org.medcard.terminal.TrainingMode;

/**
 * The embedded simulated center of a training terminal; {@link #center()} gives the simulator's center itself
 * (commissioning and tests inject its faults).
 *
 * @param center the running simulated center
 */
public record SimulatedCenter(SettlementCenter center) implements TrainingMode.EmbeddedCenter {

    /** The simulated center behind a terminal's embedded center (which only this package starts). */
    public static SettlementCenter of(TrainingMode.EmbeddedCenter embedded) {
        return ((SimulatedCenter) embedded).center();
    }

    @Override
    public int port() {
        return center.port();
    }

    @Override
    public void stop() {
        center.stop();
    }
}
