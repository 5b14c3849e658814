package org.medcard.terminal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.queue.EntryRow;
import org.medcard.terminal.present.queue.ForwardProgress;
import org.medcard.terminal.present.queue.QueueFigures;
import org.medcard.terminal.present.queue.QueueModel;
import org.medcard.terminal.present.queue.QueueView;
import org.medcard.terminal.present.queue.ResettleAnswer;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.queue.TerminalQueuePorts;

/**
 * Benchmark (not a test) of the queue screen's model: {@code N} cash sales during a reader fault make {@code N}
 * re-settlement entries; then "forward now" sends their {@code 8400} registrations (timed, with the progress
 * events the screen would get), the list is read ({@code 8402} joined with the queue), and each entry is
 * re-settled with the card ({@code 1101} card check + {@code 8401} through the outbox, timed one by one).
 * Executors inline, in-process training reader, embedded center on loopback, real SQLite files.
 *
 * <pre>mvn -B -q -pl terminal-app -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medcard.terminal.bench.ResettleBench -Dexec.args=50</pre>
 */
public final class ResettleBench {

    private ResettleBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = Files.createTempDirectory("resettle-bench");
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "en"))) {
            VirtualMedicalCard card = ((SimulatorTrainingReader) t.devices().training().orElseThrow()).presentCard("normal-3des");
            var slot = ((SimulatorTrainingReader) t.devices().training().orElseThrow()).reader().slot(0);
            slot.setUnplugged(true);
            for (int i = 0; i < n; i++) {
                SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:1")), () -> null, "bench")
                        .withIdNumber(card.profile().psnCertNo())));
                if (o.kind() != SaleOutcome.Kind.CASH_RESETTLE) {
                    throw new IllegalStateException("sale " + i + ": " + o.kind() + " " + o.message());
                }
            }
            slot.setUnplugged(false);
            Counting view = new Counting();
            Executor inline = Runnable::run;
            QueueModel model = new QueueModel(TerminalQueuePorts.of(t), t.language(), () -> "bench", view, inline, inline);

            long t0 = System.nanoTime();
            model.forwardNow();
            long forwardNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            model.refresh();
            long listNanos = System.nanoTime() - t0;

            List<String> entries = model.entries().stream().map(EntryRow::entryNo).toList();
            long[] each = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                long s = System.nanoTime();
                model.resettle(entries.get(i));
                each[i] = System.nanoTime() - s;
            }
            long settled = t.queue().resettlements(ResettlementState.SETTLED).size();
            long first = each.length == 0 ? 0 : each[0];
            Arrays.sort(each);
            System.out.printf(Locale.ROOT, "entries %d, forward now %.0f ms (%d progress events, last: %s)%n", n, forwardNanos / 1e6,
                    view.progress.size(), view.progress.isEmpty() ? "-" : view.progress.get(view.progress.size() - 1).line());
            System.out.printf(Locale.ROOT, "list (8402 + queue) %.0f ms for %d open entries%n", listNanos / 1e6, entries.size());
            System.out.printf(Locale.ROOT, "re-settle one entry: first %.0f ms, median %.0f ms, p90 %.0f ms; settled %d, refunds shown %d%n",
                    first / 1e6, ms(each, 0.5), ms(each, 0.9), settled, view.refunds);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    /** A view that only counts. */
    private static final class Counting implements QueueView {
        final List<ForwardProgress> progress = new ArrayList<>();
        int refunds;

        @Override
        public void showFigures(QueueFigures f) {
        }

        @Override
        public void showEntries(List<EntryRow> e, boolean onlyOpen) {
        }

        @Override
        public void showForwarding(ForwardProgress p) {
            progress.add(p);
        }

        @Override
        public void showBusy(boolean busy, String what) {
        }

        @Override
        public char[] askPin(String prompt) {
            return "123456".toCharArray();
        }

        @Override
        public boolean confirmCardInserted(EntryRow entry) {
            return true;
        }

        @Override
        public void showResettled(ResettleAnswer a) {
            if (a.handBack()) {
                refunds++;
            }
        }

        @Override
        public void showMessage(String m) {
            throw new IllegalStateException(m);
        }
    }
}
