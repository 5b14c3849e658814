package org.medcard.simulator.reader.serial;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SerialReader;
import org.medcard.transport.serial.SerialReaderConfig;

/**
 * Not a test: measures the time of one APDU round trip terminal → pty → simulator → pty → terminal
 * (SELECT with 8 data bytes, 4-byte answer). Run as described in docs/simulator.md:
 * <pre>
 * mvn -B -q -o -pl simulator -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt
 * java -cp simulator/target/test-classes:simulator/target/classes:card-protocol/target/classes:$(cat simulator/target/test-cp.txt) \
 *      org.medcard.simulator.reader.serial.SerialPtyBench [count]
 * </pre>
 */
public final class SerialPtyBench {

    private SerialPtyBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        SimulatedReader simulated = new SimulatedReader("bench reader");
        simulated.cardSlot().insert(new ScriptedCard("3B6800000073C84013009000", 0xCA));
        CommandApdu select = new CommandApdu(0x00, 0xA4, 0x04, 0x00, Hex.parse("A000000632010105"));
        try (PtyPair pair = PtyPair.start();
             SerialReaderSimulator simulator = SerialReaderSimulator.onPort(simulated, pair.readerEnd()).start()) {
            while (!simulator.isConnected()) {
                Thread.sleep(5);
            }
            try (SerialReader reader = SerialReader.open("bench", JSerialCommLink.opener(SerialPortSettings.defaults(pair.terminalEnd())),
                    SerialReaderConfig.defaults().withAnswerTimeout(Duration.ofSeconds(2)))) {
                for (int i = 0; i < 500; i++) {
                    reader.transmit(0, select);
                }
                long[] micros = new long[count];
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long t = System.nanoTime();
                    reader.transmit(0, select);
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
                long total = (System.nanoTime() - start) / 1000;
                Arrays.sort(micros);
                System.out.printf(Locale.ROOT, "%d APDUs over %s: mean %.1f us/APDU, median %d us, p99 %d us, max %d us%n",
                        count, pair.terminalEnd(), (double) total / count, micros[count / 2], micros[(int) (count * 0.99)],
                        micros[count - 1]);
            }
        }
    }
}
