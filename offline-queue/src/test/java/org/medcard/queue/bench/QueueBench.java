package org.medcard.queue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.SaleTicket;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.forward.FakeCenter;
import org.medcard.queue.forward.Forwarder;
import org.medcard.queue.forward.EnvelopeLink;

/**
 * Benchmark main (not a test): durable enqueue rate of the queue beside a plain JDBC insert loop with the same
 * pragmas, in the same run on the same disk; then the time to drain 10,000 queued offline debits to a loopback
 * center. Usage: {@code QueueBench [dir] [sales] [drainRecords]}; prints a small table, then the whole offline
 * sale's ratio (intent + record, two commits), the same ratio as the last line measured commit by commit (a record,
 * then an insert, alternately) and, as the last line, {@code queue ratio=<x>}: the queue's durable record of an
 * offline sale (one commit) against plain JDBC inserts, medians of the interleaved rounds.
 *
 * <p>On equal terms (issue 17): the plain side opens its file with the queue's own driver configuration (same
 * pragmas, read back and printed) and inserts a row carrying the same 8301 record; both sides run in this thread,
 * in interleaved rounds, on the same disk. Medians swing widely on a shared machine: run it several times.
 */
public final class QueueBench {
    private static final int ROUNDS = 3;
    private static final String PLAIN_TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, card_no TEXT NOT NULL,"
            + " counter INTEGER NOT NULL, amount INTEGER NOT NULL, record TEXT NOT NULL, UNIQUE (card_no, counter))";
    private static final String PLAIN_INSERT = "INSERT INTO t (card_no, counter, amount, record) VALUES (?, ?, ?, ?)";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of this thread (SQLite runs in it) per queue record and per plain insert, µs: the least of the rounds. */
    private static final double[] cpuMicros = {Double.MAX_VALUE, Double.MAX_VALUE};
    /** The plain side's settings as SQLite reports them, printed with the results. */
    private static String pragmas;

    private QueueBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-queue/target/queue-bench"))
                .toAbsolutePath();
        int sales = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int drain = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        System.out.println("dir " + dir + ", java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        enqueue(dir.resolve("warmup.db"), 200);
        plainInserts(dir.resolve("warmup-plain.db"), 200);
        // Interleaved rounds, so that a burst of disk load from other processes hits both sides alike.
        double[][] rates = new double[4][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double[] queue = enqueue(dir.resolve("enqueue.db"), sales);
            rates[0][r] = queue[0];
            rates[1][r] = queue[1];
            rates[2][r] = plainInserts(dir.resolve("plain.db"), sales);
            rates[3][r] = plainInserts(dir.resolve("plain2.db"), sales * 2) / 2;
        }
        String[] names = {"queue: offline sale record (TAC + debit + chain, 1 commit)",
            "queue: whole offline sale (intent + record, 2 commits)", "plain JDBC: one INSERT per commit",
            "plain JDBC: two INSERT commits per sale"};
        System.out.printf(Locale.ROOT, "%-60s %12s   %s%n", sales + " per round, " + ROUNDS + " rounds", "median /s",
                "each round /s");
        double[] medians = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            double[] sorted = rates[i].clone();
            java.util.Arrays.sort(sorted);
            medians[i] = sorted[ROUNDS / 2];
            System.out.printf(Locale.ROOT, "%-60s %12.0f   %s%n", names[i], sorted[ROUNDS / 2],
                    java.util.Arrays.toString(java.util.Arrays.stream(rates[i]).map(Math::rint).toArray()));
        }
        System.out.printf(Locale.ROOT, "%-60s %12.0f   (plain insert %.0f; the least of the rounds: load-proof)%n",
                "CPU per queue record, us", cpuMicros[0], cpuMicros[1]);
        System.out.println("both sides: the queue's driver configuration; plain: " + pragmas + "; load average "
                + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        double[] paired = paired(dir.resolve("paired-queue.db"), dir.resolve("paired-plain.db"), sales * ROUNDS);
        drain(dir.resolve("drain.db"), drain);
        // The whole sale first, so that nobody reads the last line as the cost of a sale: the intent must be
        // durable before DEBIT (tear recovery) and is its own commit, online or offline.
        System.out.printf(Locale.ROOT, "whole offline sale (intent + record = 2 commits) ratio=%.2f (sales/s %.0f : plain"
                        + " JDBC inserts/s %.0f; %.2f against two plain commits per sale)%n",
                medians[1] / medians[2], medians[1], medians[2], medians[1] / medians[3]);
        // The same two sides one commit after the other (a record, then an insert): on a shared machine a burst of
        // load lands on both alike, where a round of a thousand commits can fall into one burst.
        System.out.printf(Locale.ROOT, "paired (a record, then an insert, %d times) ratio=%.2f (records/s %.0f : plain JDBC"
                + " inserts/s %.0f)%n", sales * ROUNDS, paired[0] / paired[1], paired[0], paired[1]);
        // Issue 17's figure: the queue's durable record of an offline sale (its debit record, its queued 8301 row
        // and its HMAC chain link: one commit) against plain JDBC inserts (one per commit, same pragmas).
        System.out.printf(Locale.ROOT, "queue ratio=%.2f (durable offline sale records/s %.0f : plain JDBC inserts/s %.0f,"
                + " medians)%n", medians[0] / medians[2], medians[0], medians[2]);
    }

    /**
     * Offline sales through beginSale + recordCardDebit, each its own durable commit: {records/s, sales/s}, where a
     * record is the recordCardDebit commit alone (timed by itself) and a sale both commits.
     */
    private static double[] enqueue(Path file, int n) throws Exception {
        Files.deleteIfExists(file);
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(),
                Clock.systemDefaultZone())) {
            long recordNanos = 0;
            long recordCpu = 0;
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                SaleTicket t = q.beginSale(QueueFixtures.offlineSale(i % 100, i, 100 + i % 900));
                long c0 = CPU.getCurrentThreadCpuTime();
                long r0 = System.nanoTime();
                q.recordCardDebit(t.saleId(), QueueFixtures.tac(i + 1));
                recordNanos += System.nanoTime() - r0;
                recordCpu += CPU.getCurrentThreadCpuTime() - c0;
            }
            cpuMicros[0] = Math.min(cpuMicros[0], recordCpu / 1e3 / n);
            return new double[] {n / (recordNanos / 1e9), n / seconds(t0)};
        }
    }

    /**
     * The durable record and the plain insert alternately, one commit each, in this thread: {records/s, inserts/s},
     * each side's time summed over its own commits. Both files are new; the first tenth warms up and is not counted.
     */
    private static double[] paired(Path queueFile, Path plainFile, int n) throws Exception {
        Files.deleteIfExists(queueFile);
        Files.deleteIfExists(plainFile);
        try (OfflineQueue q = OfflineQueue.open(queueFile, QueueFixtures.roomySettings(), QueueFixtures.key(),
                Clock.systemDefaultZone());
             Connection c = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + plainFile);
             Statement st = c.createStatement()) {
            st.executeUpdate(PLAIN_TABLE);
            try (PreparedStatement ps = c.prepareStatement(PLAIN_INSERT)) {
                long recordNanos = 0;
                long insertNanos = 0;
                for (int i = 1; i <= n; i++) {
                    SaleTicket t = q.beginSale(QueueFixtures.offlineSale(i % 100, i, 100 + i % 900));
                    long t0 = System.nanoTime();
                    q.recordCardDebit(t.saleId(), QueueFixtures.tac(i + 1));
                    long t1 = System.nanoTime();
                    plainInsert(ps, i);
                    long t2 = System.nanoTime();
                    if (i > n / 10) {
                        recordNanos += t1 - t0;
                        insertNanos += t2 - t1;
                    }
                }
                int counted = n - n / 10;
                return new double[] {counted / (recordNanos / 1e9), counted / (insertNanos / 1e9)};
            }
        }
    }

    private static void plainInsert(PreparedStatement ps, int i) throws SQLException {
        ps.setString(1, QueueFixtures.card(i % 100));
        ps.setInt(2, i);
        ps.setLong(3, 100 + i % 900);
        ps.setString(4, plainRecord(i));
        ps.executeUpdate();
    }

    /**
     * Plain JDBC, autocommit inserts, one per commit, on equal terms with the queue: the queue's own driver
     * configuration ({@link QueueFixtures#storeConfig()}: WAL, synchronous FULL, page size, busy timeout, foreign
     * keys, no generated-keys query), and a row carrying what the queue's debit row carries: the card, its offline
     * counter (UNIQUE, as in the queue) and the amount, and the 8301 record as the queue stores it (the same fields
     * and length). What the plain row does not have (the journal lines, the MACs, the chain head, the other
     * indexes) is what the queue's durability and tamper evidence cost.
     */
    private static double plainInserts(Path file, int n) throws SQLException, java.io.IOException {
        Files.deleteIfExists(file);
        try (Connection c = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.executeUpdate(PLAIN_TABLE);
            if (pragmas == null) {
                pragmas = readPragmas(st) + ", row " + plainRecord(1).length() + " bytes of record";
            }
            try (PreparedStatement ps = c.prepareStatement(PLAIN_INSERT)) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                for (int i = 1; i <= n; i++) {
                    plainInsert(ps, i);
                }
                cpuMicros[1] = Math.min(cpuMicros[1], (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / n);
                return n / seconds(t0);
            }
        }
    }

    /** The queue's 8301 record of offline sale {@code i} of {@link #enqueue} (field for field, as stored). */
    private static String plainRecord(int i) {
        return "{\"card_no\":\"" + QueueFixtures.card(i % 100) + "\",\"offline_counter\":" + i + ",\"amount\":"
                + (100 + i % 900) + ",\"tx_type\":6,\"terminal_id\":\"" + QueueFixtures.TERMINAL.terminalId()
                + "\",\"terminal_seq\":" + i + ",\"tx_time\":\"2026-12-07 09:30:00\",\"tac\":\""
                + QueueFixtures.tac(i + 1) + "\",\"psn_cert_no\":\"" + QueueFixtures.PATIENT + "\",\"items\":"
                + QueueFixtures.ITEMS + ",\"acct_pay\":" + (100 + i % 900) + ",\"cash_pay\":0}";
    }

    /** What the plain side's connection runs with, read back from SQLite (the queue's come from the same config). */
    private static String readPragmas(Statement st) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String p : new String[] {"journal_mode", "synchronous", "page_size", "foreign_keys", "busy_timeout",
            "wal_autocheckpoint"}) {
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA " + p)) {
                b.append(b.length() == 0 ? "" : " ").append(p).append('=').append(rs.next() ? rs.getString(1) : "?");
            }
        }
        return b.append(" get_generated_keys=").append(QueueFixtures.storeConfig().isGetGeneratedKeys()).toString();
    }

    private static void drain(Path file, int n) throws Exception {
        Files.deleteIfExists(file);
        QueueSettings settings = QueueFixtures.roomySettings();
        try (FakeCenter center = new FakeCenter();
             OfflineQueue q = OfflineQueue.open(file, settings, QueueFixtures.key(), Clock.systemDefaultZone())) {
            long t0 = System.nanoTime();
            long tBlock = t0;
            StringBuilder blocks = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                QueueFixtures.offlineDebit(q, i % 100, i, 100);
                if (i % 2000 == 0) {
                    blocks.append(Math.round(2000 / seconds(tBlock))).append(' ');
                    tBlock = System.nanoTime();
                }
            }
            System.out.printf(Locale.ROOT, "%-50s %10.1f s  (sales/s per 2000: %s)%n",
                    "queue " + n + " offline debits (setup)", seconds(t0), blocks.toString().trim());
            EnvelopeLink link = new EnvelopeLink(center.uri());
            Forwarder f = new Forwarder(q, link, Backoff.standard(Math::random), Clock.systemDefaultZone(),
                    Duration.ofSeconds(1));
            long t1 = System.nanoTime();
            List<ForwardResult> results = f.drainOnce();
            double s = seconds(t1);
            int accepted = results.stream().mapToInt(ForwardResult::accepted).sum();
            System.out.printf(Locale.ROOT, "%-50s %10.2f s  (%d messages, %d accepted, %.0f records/s)%n",
                    "drain " + n + " records to a loopback center (8301 x500)", s, results.size(), accepted, n / s);
            if (q.summary().queuedDebits() != 0 || center.payments.size() != n) {
                throw new IllegalStateException("drain incomplete: " + q.summary());
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
