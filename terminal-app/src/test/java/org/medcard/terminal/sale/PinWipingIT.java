package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R10's PIN is held as a {@code char[]} only as long as VERIFY PIN takes: after the sale — settled, wrong PIN,
 * malformed PIN, or the card pulled during VERIFY — every array the PIN source handed out is all zeros.
 * Real parts: the training reader and card, the embedded center, SQLite files.
 */
class PinWipingIT {

    @TempDir
    Path dir;

    private Terminal terminal;
    private final List<char[]> handedOut = new ArrayList<>();

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private PinSource pin(String digits, Runnable justBeforeVerify) {
        return () -> {
            char[] p = digits.toCharArray();
            handedOut.add(p);
            justBeforeVerify.run();
            return p;
        };
    }

    private SaleView sell(PinSource pin) {
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:1")), pin, "cashier01")));
    }

    private void assertAllWiped() {
        assertFalse(handedOut.isEmpty(), "the sale asked for the PIN");
        for (char[] p : handedOut) {
            assertArrayEquals(new char[p.length], p, "PIN array wiped");
        }
    }

    @Test
    void R10_pinArrayIsWiped_afterASettledSale() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        terminal.devices().training().orElseThrow().present("normal-3des");
        assertEquals(SaleOutcome.Kind.SETTLED, sell(pin("123456", () -> { })).kind());
        assertAllWiped();
    }

    @Test
    void R10_pinArrayIsWiped_afterAWrongPin() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = sell(pin("654321", () -> { }));
        assertEquals("sale.pin_wrong", o.messageKey());
        assertAllWiped();
    }

    @Test
    void R10_pinArrayIsWiped_afterAMalformedPin() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = sell(pin("12a4", () -> { }));
        assertEquals("sale.pin_malformed", o.messageKey());
        assertAllWiped();
    }

    @Test
    void R10_pinArrayIsWiped_whenTheCardIsPulledDuringVerify() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        var training = (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
        training.present("normal-3des");
        try {
            SaleView o = sell(pin("123456", () -> training.reader().slot(0).setUnplugged(true)));
            assertFalse(o.kind() == SaleOutcome.Kind.SETTLED, "no sale without a card: " + o.kind());
        } catch (RuntimeException faultReachedTheCaller) {
            // a fault during VERIFY may reach the caller; the PIN must be wiped either way
        }
        assertAllWiped();
    }
}
