package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.fault.FaultKind;

class FaultTest {
    @Test
    void parse_commandLineForms() {
        assertEquals(new Fault(FaultKind.SLOW, 800, 0), Fault.parse("slow:800"));
        assertEquals(new Fault(FaultKind.HTTP_500, 0, 3), Fault.parse("HTTP-500:3"));
        assertEquals(Fault.always(FaultKind.DOWN), Fault.parse("DOWN"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("SLOW"));
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("FIRE"));
    }

    @Test
    void countedFault_isUsedUpOneRequestAtATime() {
        FaultInjector f = new FaultInjector();
        f.set(new Fault(FaultKind.ANSWER_LOST, 0, 2));
        assertTrue(f.consume(FaultKind.ANSWER_LOST));
        assertTrue(f.consume(FaultKind.ANSWER_LOST));
        assertFalse(f.consume(FaultKind.ANSWER_LOST));
        assertFalse(f.isActive(FaultKind.ANSWER_LOST));
    }

    @Test
    void down_notifiesTheListenerOnSetAndClear() {
        FaultInjector f = new FaultInjector();
        StringBuilder seen = new StringBuilder();
        f.onDownChanged(down -> seen.append(down ? "down " : "up "));
        f.set(Fault.always(FaultKind.DOWN));
        f.clearAll();
        assertEquals("down up ", seen.toString());
    }
}
