package org.medcard.simulator.reader.inprocess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;
import org.medcard.simulator.reader.SimulatedReader;

/** The factory behind {@code TerminalFactory.getInstance("MedCardSimulator", readers, provider)}. */
final class SimulatorTerminalFactorySpi extends TerminalFactorySpi {

    private final SimulatedCardTerminals terminals;

    SimulatorTerminalFactorySpi(Object parameter) {
        this.terminals = new SimulatedCardTerminals(readers(parameter));
    }

    @Override
    protected CardTerminals engineTerminals() {
        return terminals;
    }

    private static List<SimulatedReader> readers(Object parameter) {
        List<SimulatedReader> out = new ArrayList<>();
        if (parameter instanceof SimulatedReader r) {
            out.add(r);
        } else if (parameter instanceof SimulatedReader[] array) {
            out.addAll(List.of(array));
        } else if (parameter instanceof Collection<?> c) {
            for (Object o : c) {
                if (!(o instanceof SimulatedReader r)) {
                    throw new IllegalArgumentException("MedCardSimulator takes SimulatedReader objects, got " + (o == null ? "null" : o.getClass().getName()));
                }
                out.add(r);
            }
        } else {
            throw new IllegalArgumentException("MedCardSimulator needs a SimulatedReader (or an array or list of them) as parameter, got "
                    + (parameter == null ? "null" : parameter.getClass().getName()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("MedCardSimulator needs at least one SimulatedReader");
        }
        return List.copyOf(out);
    }
}
