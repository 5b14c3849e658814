package org.medcard.queue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.QueueListener;
import org.medcard.queue.QueueSummary;
import org.medcard.queue.SaleTicket;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.forward.EnvelopeLink;
import org.medcard.queue.forward.FakeCenter;
import org.medcard.queue.forward.Forwarder;

/**
 * Benchmark main (not a test): what the queue's everyday asks cost once the file is old (issue 17). A counter's
 * queue keeps every journal line; after half a year of sales the asks that read the journal (the unfinished sales
 * a card presented is checked against, the status bar's summary after every commit) must not have grown with it.
 * Usage: {@code AgedQueueBench [file] [sales]}: a new file is filled first with one sale left unfinished near its
 * start (a torn sale whose card never came back) and {@code sales} offline sales, forwarded to a loopback center
 * every thousand as a connected counter would; an existing file is used as it is (so two builds can be measured
 * on the same file). Prints the median and p90 of each ask, then as its last line
 * {@code aged queue lines=<n> unfinished_ms=<p50> summary_ms=<p50> sale_with_status_bar_ms=<p50>}.
 */
public final class AgedQueueBench {
    private static final int ASKS = 41;
    private static final int SALES = 101;
    /** verify() alone, again after open (issue 17, verify17): the chain and row check every open and CLI command runs. */
    private static final int VERIFIES = 5;

    private AgedQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "offline-queue/target/aged-queue/q.db").toAbsolutePath();
        int sales = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            fill(file, sales);
        }
        long lines;
        try (java.sql.Connection c = QueueFixtures.raw(file); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM journal")) {
            lines = rs.next() ? rs.getLong(1) : 0;
        }
        long o0 = System.nanoTime();
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(),
                Clock.systemDefaultZone())) {
            double openMs = (System.nanoTime() - o0) / 1e6;
            double[] verify = new double[VERIFIES];
            for (int i = 0; i < VERIFIES; i++) {
                long t0 = System.nanoTime();
                if (!q.verify().clean()) {
                    throw new IllegalStateException("the aged file has tamper findings: " + q.tamperReport().findings());
                }
                verify[i] = (System.nanoTime() - t0) / 1e6;
            }
            double[] unfinished = new double[ASKS];
            double[] summary = new double[ASKS];
            int open = 0;
            for (int i = 0; i < ASKS; i++) {
                long t0 = System.nanoTime();
                open = q.unfinishedSales().size();
                long t1 = System.nanoTime();
                QueueSummary s = q.summary();
                long t2 = System.nanoTime();
                unfinished[i] = (t1 - t0) / 1e6;
                summary[i] = (t2 - t1) / 1e6;
                if (s.unfinishedSales() != open) {
                    throw new IllegalStateException("summary " + s.unfinishedSales() + " against list " + open);
                }
            }
            // A whole offline sale (intent, then the card's answer) with a listener attached, as the desktop's status
            // bar is: each commit is followed by a summary.
            QueueListener statusBar = new QueueListener() {
            };
            q.addListener(statusBar);
            double[] sale = new double[SALES];
            int card = 100 + (int) (lines % 9800); // a card of its own each run (the file's lines grow every run)
            for (int i = 0; i < SALES; i++) {
                long t0 = System.nanoTime();
                SaleTicket t = q.beginSale(QueueFixtures.offlineSale(card, i + 1, 150));
                q.recordCardDebit(t.saleId(), QueueFixtures.tac(i + 1));
                sale[i] = (System.nanoTime() - t0) / 1e6;
            }
            q.removeListener(statusBar);
            System.out.printf(Locale.ROOT, "%s: %d journal lines, %d unfinished sale(s)%n", file, lines, open);
            System.out.printf(Locale.ROOT, "%-62s %12.0f ms%n", "open (chain and rows verified, start-up recovery)", openMs);
            print("verify() again (chain and rows)", verify);
            print("unfinishedSales()", unfinished);
            print("summary()", summary);
            print("offline sale, status bar attached (2 commits + 2 summaries)", sale);
            System.out.printf(Locale.ROOT, "aged queue lines=%d unfinished_ms=%.2f summary_ms=%.2f"
                    + " sale_with_status_bar_ms=%.2f%n", lines, p(unfinished, 50), p(summary, 50), p(sale, 50));
        }
    }

    private static void fill(Path file, int sales) throws Exception {
        long t0 = System.nanoTime();
        try (FakeCenter center = new FakeCenter();
             OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(),
                     Clock.systemDefaultZone())) {
            Forwarder f = new Forwarder(q, new EnvelopeLink(center.uri()), Backoff.standard(Math::random),
                    Clock.systemDefaultZone(), Duration.ofSeconds(5));
            for (int i = 1; i <= sales; i++) {
                QueueFixtures.offlineDebit(q, i % 100, i, 100 + i % 900);
                if (i == 10) {
                    q.beginSale(QueueFixtures.offlineSale(9999, 1, 250)); // torn; its card never comes back
                }
                if (i % 1000 == 0) {
                    f.drainOnce();
                }
            }
            f.drainOnce();
        }
        System.out.printf(Locale.ROOT, "filled %s with %d offline sales in %.0f s%n", file, sales,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void print(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%-62s p50 %8.2f ms   p90 %8.2f ms%n", what, p(ms, 50), p(ms, 90));
    }

    private static double p(double[] ms, int pct) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * pct / 100)];
    }
}
