package org.medcard.simulator;

/** Entry point of {@code medcard-simulator.jar}; the technician commands are added by the simulator issues. */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
