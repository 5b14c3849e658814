package org.medcard.terminal.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.swing.SwingUtilities;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.counter.CartLine;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.CounterView;
import org.medcard.terminal.present.counter.ReceiptOutput;
import org.medcard.terminal.present.counter.SaleDone;
import org.medcard.terminal.present.counter.SplitAnswer;
import org.medcard.terminal.present.counter.SplitOffer;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.ui.DesktopApp;
import org.medcard.terminal.ui.DesktopLauncher;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * Benchmark (not a test), run in a fresh JVM on a display (Xvfb): the time from the process start to the sign-in
 * screen being visible and focused (what a cashier waits for in the morning: JVM, fonts, FlatLaf, terminal.db,
 * queue.db, the embedded center, center sign-in and downloads, the window), then a hundred sales through the
 * counter's presentation model on the app's reader-worker thread (card read, 2101, split, PIN, debit, 2102 — the
 * view answers at once instead of showing its dialogs), and the heap and RSS after them.
 *
 * <pre>mvn -B -q -o -pl terminal-app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * xvfb-run -a -s '-screen 0 1280x1024x24' java -cp terminal-app/target/test-classes:terminal-app/target/classes:$(cat \
 *     terminal-app/target/bench.cp) org.medcard.terminal.bench.DesktopBench 100 /tmp/desktop-bench</pre>
 * (run it twice with the same folder: the first start seeds the training operators, the second is a normal day).
 */
public final class DesktopBench {

    private DesktopBench() {
    }

    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // A second run on the same folder measures an ordinary morning (no first-start seeding, center.db exists).
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("desktop-bench");
        TerminalConfig config = TrainingTerminals.config(dir, Map.of("language", "zh_CN"));
        UiFonts fonts = UiFonts.discover();
        Theme theme = new Theme(fonts, false, UiFonts.BASE_SIZE);
        SwingUtilities.invokeAndWait(theme::install);
        Terminal terminal = new Terminal(config, Clock.systemDefaultZone(),
                new Terminal.Options(false, true, DesktopLauncher.stationOperator(config)));
        DesktopApp app = new DesktopApp(terminal, fonts, theme);
        SwingUtilities.invokeAndWait(app::open);
        long ready = app.signInReadyMillis() - processStart;
        System.out.printf(Locale.ROOT, "start to sign-in screen ready: %d ms%n", ready);
        long[] memBefore = memory();
        System.out.printf(Locale.ROOT, "after start: heap used %d MiB, RSS %d MiB%n", memBefore[0], memBefore[1]);

        CounterModel model = new CounterModel(org.medcard.terminal.ui.counter.TerminalCounterPorts.of(terminal, new NoReceipts()), Runnable::run, Runnable::run, new AnsweringView(),
                Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier");
        int[] settled = {0};
        long t0 = System.nanoTime();
        app.worker().submit(() -> {
            model.presentTrainingCard("normal-3des");
            for (int i = 0; i < sales; i++) {
                model.scan("XN02BED014"); // 4.80
                AnsweringView.last = null;
                model.pay();
                if (AnsweringView.last != null && AnsweringView.last.served()) {
                    settled[0]++;
                }
            }
        }).get(30, TimeUnit.MINUTES);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf(Locale.ROOT, "%d sales (%d served) in %d ms, %.0f ms per sale%n", sales, settled[0], ms, (double) ms / sales);
        long[] memAfter = memory();
        System.out.printf(Locale.ROOT, "after %d sales: heap used %d MiB (after GC), RSS %d MiB%n", sales, memAfter[0], memAfter[1]);
        app.close();
        System.exit(0);
    }

    /** Heap used after a GC, and the resident set size, in MiB. */
    private static long[] memory() throws Exception {
        System.gc();
        Thread.sleep(200);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long rss = -1;
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        }
        return new long[] {heap, rss};
    }

    /** Answers the counter's questions at once: confirm the split with the exact cash, PIN 123456. */
    private static final class AnsweringView implements CounterView {
        static SaleDone last;

        @Override
        public void showCart(java.util.List<CartLine> lines, long totalFen) {
        }

        @Override
        public void showCard(CardPanel card) {
        }

        @Override
        public void showMessage(String text, boolean problem) {
        }

        @Override
        public void busy(boolean busy, String what) {
        }

        @Override
        public Optional<CatalogItem> chooseItem(java.util.List<CatalogItem> matches) {
            return Optional.of(matches.get(0));
        }

        @Override
        public SplitAnswer confirmSplit(SplitOffer offer) {
            return SplitAnswer.confirm(offer.cashFen());
        }

        @Override
        public char[] askPin(String holderName, long debitFen) {
            return "123456".toCharArray();
        }

        @Override
        public Optional<String> askIdNumber(String reason) {
            return Optional.empty();
        }

        @Override
        public void saleDone(SaleDone done) {
            last = done;
        }
    }

    private static final class NoReceipts implements ReceiptOutput {
        @Override
        public ReceiptDesk.Issued issue(ReceiptDocument document) {
            return ReceiptDesk.Issued.original(1, document);
        }

        @Override
        public String print(ReceiptDesk.Issued receipt) {
            return "none";
        }

        @Override
        public String savePdf(ReceiptDesk.Issued receipt) {
            return "none";
        }
    }
}
