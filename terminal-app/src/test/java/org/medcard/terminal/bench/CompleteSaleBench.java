package org.medcard.terminal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotListener;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.e2e.PcscdRig;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Benchmark (not a test): a complete CLI-less sale — open the card session, tearing recovery, R15 loads, card
 * check (with 1101 online), 2101, PIN, INITIALIZE/DEBIT with the PSAM, 2102 through the outbox — timed from
 * {@code PharmacySale.sell} to its outcome, with the card's APDU count, on the in-process training reader and
 * through pcscd + vpcd. The first sale of each run also loads the profile's two contributions; it is reported
 * apart. Embedded center on loopback, real SQLite files.
 *
 * <pre>mvn -B -q -pl terminal-app -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medcard.terminal.bench.CompleteSaleBench -Dexec.args=30</pre>
 */
public final class CompleteSaleBench {

    private CompleteSaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("sale-bench");
        // pcscd first: the JDK's PC/SC context is made once per process, and one made while no pcscd ran stays useless.
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            try (Terminal t = TrainingTerminals.open(dir.resolve("in-process"), Map.of())) {
                AtomicLong apdus = new AtomicLong();
                ((SimulatorTrainingReader) t.devices().training().orElseThrow()).reader().cardSlot().addListener(counter(apdus));
                t.devices().training().orElseThrow().present("normal-3des");
                report("in-process reader", run(t, sales, apdus::get));
            }
            rig.present("normal-3des");
            try (Terminal t = TrainingTerminals.open(dir.resolve("pcscd"), Map.of(
                    "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER))) {
                report("pcscd + vpcd", run(t, sales, rig::cardApdus));
            }
        }
    }

    private static SlotListener counter(AtomicLong apdus) {
        return new SlotListener() {
            @Override
            public void exchanged(SimulatedSlot slot, byte[] command, byte[] response, long nanos) {
                apdus.incrementAndGet();
            }
        };
    }

    private record Sample(long nanos, long apdus) {
    }

    private static List<Sample> run(Terminal t, int sales, LongSupplier apdus) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < sales; i++) {
            long a = apdus.getAsLong();
            long start = System.nanoTime();
            SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:1")),
                    () -> "123456".toCharArray(), "cashier01")));
            long nanos = System.nanoTime() - start;
            if (o.kind() != SaleOutcome.Kind.SETTLED) {
                throw new IllegalStateException("sale " + i + ": " + o.kind() + " " + o.message());
            }
            out.add(new Sample(nanos, apdus.getAsLong() - a));
        }
        return out;
    }

    private static void report(String what, List<Sample> s) {
        Sample first = s.get(0);
        long[] ms = s.stream().skip(1).mapToLong(Sample::nanos).sorted().toArray();
        long[] ap = s.stream().skip(1).mapToLong(Sample::apdus).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: first sale (with 2 loads) %.1f ms, %d card APDUs; next %d sales: median %.1f ms,"
                        + " p90 %.1f ms, %d card APDUs each (min %d, max %d)%n", what, first.nanos() / 1e6, first.apdus(), ms.length,
                ms[ms.length / 2] / 1e6, ms[(int) (ms.length * 0.9)] / 1e6, ap[ap.length / 2], ap[0], ap[ap.length - 1]);
    }
}
