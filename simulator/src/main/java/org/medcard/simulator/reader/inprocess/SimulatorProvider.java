package org.medcard.simulator.reader.inprocess;

import java.security.Provider;
import java.util.List;

/**
 * The security provider that offers {@code TerminalFactory.MedCardSimulator}. Pass it explicitly to
 * {@code TerminalFactory.getInstance}; it is never installed JVM-wide. The factory parameter is a
 * {@code SimulatedReader}, an array of them, or a {@code List} of them.
 */
public final class SimulatorProvider extends Provider {

    private static final long serialVersionUID = 1L;
    /** The TerminalFactory type this provider offers. */
    public static final String TYPE = "MedCardSimulator";

    public SimulatorProvider() {
        super("MedCardSimulator", "1.0", "MedCard simulator: in-process smartcardio terminals over simulated readers");
        putService(new FactoryService(this));
    }

    /** Builds the factory directly instead of by reflection, so the SPI's constructor can stay package-private. */
    private static final class FactoryService extends Service {
        FactoryService(Provider provider) {
            super(provider, "TerminalFactory", TYPE, SimulatorTerminalFactorySpi.class.getName(), List.of(), null);
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new SimulatorTerminalFactorySpi(constructorParameter);
        }
    }
}
