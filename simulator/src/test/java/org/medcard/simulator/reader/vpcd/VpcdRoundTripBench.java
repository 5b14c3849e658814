package org.medcard.simulator.reader.vpcd;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.transport.CardTransport;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * Measures one APDU round trip through the whole PC/SC path: JDK → libpcsclite → pcscd → vpcd → TCP →
 * {@link VpcdBridge} → card, and back. A plain main, not a test: the figure depends on the machine.
 * How to run it: see docs/simulator.md ("vpcd bridge"). Argument: number of APDUs (default 200).
 */
public final class VpcdRoundTripBench {

    private VpcdRoundTripBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        CommandApdu getBalance = CommandApdu.parse(Hex.parse("805C000204"));
        try (PrivatePcscd pcscd = PrivatePcscd.startOrReuse()) {
            SimulatedSlot slot = new SimulatedSlot(0, "bench card slot");
            try (VpcdBridge bridge = VpcdBridge.local(slot)) {
                bridge.start();
                slot.insert(new ScriptedCard("bench").on("805C000204", "000027109000"));
                PcscReaders readers = new PcscReaders();
                if (!readers.waitForCard(VpcdBridgePcscIT.CARD_READER, Duration.ofSeconds(10))) {
                    throw new IllegalStateException("the card did not appear in " + VpcdBridgePcscIT.CARD_READER);
                }
                try (CardTransport t = readers.open(VpcdBridgePcscIT.CARD_READER)) {
                    for (int i = 0; i < 20; i++) {
                        t.transmit(getBalance);
                    }
                    long[] micros = new long[rounds];
                    for (int i = 0; i < rounds; i++) {
                        long start = System.nanoTime();
                        t.transmit(getBalance);
                        micros[i] = (System.nanoTime() - start) / 1_000;
                    }
                    Arrays.sort(micros);
                    double mean = Arrays.stream(micros).average().orElse(0);
                    System.out.printf(Locale.ROOT, "%d APDUs through pcscd+vpcd (%s): mean %.0f us, median %d us, "
                            + "p95 %d us, min %d us, max %d us%n", rounds, pcscd.owned() ? "own pcscd" : "running pcscd",
                            mean, micros[rounds / 2], micros[(int) (rounds * 0.95)], micros[0], micros[rounds - 1]);
                }
            }
        }
    }
}
