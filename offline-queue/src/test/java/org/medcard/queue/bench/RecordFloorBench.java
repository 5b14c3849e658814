package org.medcard.queue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.time.Clock;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.SaleTicket;

/**
 * Benchmark main (not a test): the floor under QueueBench's ratio (issue 17). The durable record of an offline sale
 * is one transaction that writes at least three b-trees: the journal line (the HMAC chain), the debit row and the
 * chain head (which alone shows lines cut from the journal's end). This runs that transaction in plain JDBC, with
 * none of the queue's Java work (no JSON, no MAC computed: constant texts of the queue's sizes), against the bench's
 * plain insert, one after the other as QueueBench's paired line does, same driver configuration, same disk:
 * <ol>
 *   <li>{@code line+row+head}: the three b-trees and nothing else;</li>
 *   <li>{@code +unique}: and the debit row's two UNIQUE constraints (one row per sale, no card counter debited twice);</li>
 *   <li>{@code +indexes}: and the journal's entity index and R11's state index: the queue's own set of b-trees.</li>
 * </ol>
 * Usage: {@code RecordFloorBench [dir] [commits]}; prints the paired ratio of each against the plain insert (1.00 =
 * as fast), and the WAL frames each commit appended.
 */
public final class RecordFloorBench {
    private static final String PLAIN_TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, card_no TEXT NOT NULL,"
            + " counter INTEGER NOT NULL, amount INTEGER NOT NULL, record TEXT NOT NULL, UNIQUE (card_no, counter))";
    /** The sizes of the queue's offline CARD_DEBITED line payload, its 8301 record and a MAC (hex SHA-256). */
    private static final String PAYLOAD = "{\"tac\":\"0000ABCD\",\"purse\":" + "x".repeat(220) + "}";
    private static final String RECORD = "r".repeat(420);
    private static final String MAC = "m".repeat(64);

    private RecordFloorBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-queue/target/record-floor"))
                .toAbsolutePath();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        for (String f : new String[] {"queue.db", "floor.db", "floor-full.db", "plain.db"}) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve(f + suffix));
            }
        }
        try (OfflineQueue q = OfflineQueue.open(dir.resolve("queue.db"), QueueFixtures.roomySettings(), QueueFixtures.key(),
                Clock.systemDefaultZone());
             Floor floor = new Floor(dir.resolve("floor.db"), false);
             Floor full = new Floor(dir.resolve("floor-full.db"), true);
             Connection c = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + dir.resolve("plain.db"));
             Statement cs = c.createStatement()) {
            cs.executeUpdate(PLAIN_TABLE);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t (card_no, counter, amount, record) VALUES (?, ?, ?, ?)")) {
                long[] nanos = new long[4];
                long[] cpu = new long[4];
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int i = 1; i <= n; i++) {
                    SaleTicket t = q.beginSale(QueueFixtures.offlineSale(i % 100, i, 100 + i % 900));
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    q.recordCardDebit(t.saleId(), QueueFixtures.tac(i + 1));
                    long t1 = System.nanoTime();
                    long c1 = mx.getCurrentThreadCpuTime();
                    floor.record(i);
                    long t2 = System.nanoTime();
                    long c2 = mx.getCurrentThreadCpuTime();
                    full.record(i);
                    long t3 = System.nanoTime();
                    long c3 = mx.getCurrentThreadCpuTime();
                    ins.setString(1, QueueFixtures.card(i % 100));
                    ins.setInt(2, i);
                    ins.setLong(3, 100 + i % 900);
                    ins.setString(4, RECORD);
                    ins.executeUpdate();
                    long t4 = System.nanoTime();
                    long c4 = mx.getCurrentThreadCpuTime();
                    if (i > n / 10) {
                        nanos[0] += t1 - t0;
                        nanos[1] += t2 - t1;
                        nanos[2] += t3 - t2;
                        nanos[3] += t4 - t3;
                        cpu[0] += c1 - c0;
                        cpu[1] += c2 - c1;
                        cpu[2] += c3 - c2;
                        cpu[3] += c4 - c3;
                    }
                }
                String[] names = {"the queue's durable record (recordCardDebit)", "floor: line + row + head",
                    "floor: + UNIQUE sale, UNIQUE card+counter, entity and state indexes"};
                System.out.printf(Locale.ROOT, "%d commits of each, one after the other; load average %.2f%n", n,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                int counted = n - n / 10;
                System.out.printf(Locale.ROOT, "%-72s %7.1f us (CPU %5.1f us)%n", "plain JDBC insert",
                        nanos[3] / 1e3 / counted, cpu[3] / 1e3 / counted);
                for (int k = 0; k < 3; k++) {
                    System.out.printf(Locale.ROOT, "%-72s %7.1f us (CPU %5.1f us)  ratio=%.2f%n", names[k],
                            nanos[k] / 1e3 / counted, cpu[k] / 1e3 / counted, (double) nanos[3] / nanos[k]);
                }
            }
        }
    }

    /** The record's b-trees in plain JDBC: constant texts of the queue's sizes, no JSON, no MAC computed. */
    private static final class Floor implements AutoCloseable {
        private final Connection r;
        private final Statement st;
        private final PreparedStatement line;
        private final PreparedStatement row;
        private final PreparedStatement head;

        Floor(Path file, boolean queueSet) throws SQLException {
            r = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + file);
            st = r.createStatement();
            st.executeUpdate("CREATE TABLE journal (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " entity TEXT, entity_id TEXT, sale_id TEXT, payload TEXT NOT NULL, hmac TEXT NOT NULL)");
            st.executeUpdate("CREATE TABLE debit (id INTEGER PRIMARY KEY, sale_id TEXT NOT NULL" + (queueSet ? " UNIQUE" : "")
                    + ", card_no TEXT NOT NULL, counter INTEGER NOT NULL, amount INTEGER NOT NULL, record TEXT NOT NULL,"
                    + " state TEXT NOT NULL, created_at TEXT NOT NULL, event_seq INTEGER NOT NULL, mac TEXT NOT NULL"
                    + (queueSet ? ", UNIQUE (card_no, counter))" : ")"));
            st.executeUpdate("CREATE TABLE head (id INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL, last_hmac TEXT NOT NULL,"
                    + " mac TEXT NOT NULL)");
            st.executeUpdate("INSERT INTO head VALUES (1, 0, '', '')");
            if (queueSet) {
                st.executeUpdate("CREATE INDEX journal_entity ON journal (entity, entity_id) WHERE entity IS NOT NULL");
                st.executeUpdate("CREATE INDEX debit_state ON debit (state, created_at, amount)");
            }
            line = r.prepareStatement("INSERT INTO journal VALUES (?, ?, 'CARD_DEBITED', 'offline_debit', ?, ?, ?, ?)");
            row = r.prepareStatement("INSERT INTO debit VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)");
            head = r.prepareStatement("UPDATE head SET last_seq = ?, last_hmac = ?, mac = ? WHERE id = 1");
        }

        void record(int i) throws SQLException {
            String sale = "0000000000A1-" + String.format(Locale.ROOT, "%010d", i);
            String at = "2026-12-07T09:30:00." + String.format(Locale.ROOT, "%06d", i) + "Z";
            st.execute("BEGIN IMMEDIATE");
            line.setLong(1, i);
            line.setString(2, at);
            line.setString(3, sale);
            line.setString(4, sale);
            line.setString(5, PAYLOAD);
            line.setString(6, MAC);
            line.executeUpdate();
            row.setLong(1, i);
            row.setString(2, sale);
            row.setString(3, QueueFixtures.card(i % 100));
            row.setInt(4, i);
            row.setLong(5, 100 + i % 900);
            row.setString(6, RECORD);
            row.setString(7, at);
            row.setLong(8, i);
            row.setString(9, MAC);
            row.executeUpdate();
            head.setLong(1, i);
            head.setString(2, MAC);
            head.setString(3, MAC);
            head.executeUpdate();
            st.execute("COMMIT");
        }

        @Override
        public void close() throws SQLException {
            r.close();
        }
    }
}
