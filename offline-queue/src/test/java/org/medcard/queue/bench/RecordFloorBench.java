package org.medcard.queue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.SaleTicket;

/**
 * Benchmark main (not a test): the floor under QueueBench's ratio (issue 17). The durable record of an offline sale
 * is one transaction that writes at least three b-trees: the journal line (the HMAC chain), the debit row and the
 * chain head (which alone shows lines cut from the journal's end). This runs that transaction in plain JDBC, with
 * none of the queue's Java work (no JSON, no MAC computed: constant texts of the queue's sizes), against QueueBench's
 * plain insert, a commit of one then a commit of the other as QueueBench's paired line does, same driver
 * configuration, same disk, beside the queue's own record:
 * <ol>
 *   <li>{@code line+row+head}: the three b-trees and nothing else;</li>
 *   <li>{@code +unique}: and the debit row's two UNIQUE constraints (one row per sale, no card counter debited twice);</li>
 *   <li>{@code +indexes}: and the journal's entity index and R11's state index: the queue's own set of b-trees.</li>
 * </ol>
 * Usage: {@code RecordFloorBench [dir] [commits] [pairs]}: by default every side commits in turn in one loop (five
 * files); with {@code pairs} each side runs alone with the plain insert, as in QueueBench (two files). Prints each
 * side's mean wall and CPU time per commit and its ratio against the plain insert (1.00 = as fast).
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
        boolean pairs = args.length > 2 && args[2].equals("pairs");
        String[] names = {"the queue's durable record (recordCardDebit)", "floor: line + row + head",
            "floor: + UNIQUE sale, UNIQUE card+counter (no second debit)",
            "floor: + the entity and R11 state indexes (the queue's b-trees)"};
        System.out.printf(Locale.ROOT, "%d commits of each, %s; load average %.2f%n", n, pairs
                        ? "each side alone with a plain insert after each of its commits (two files at a time)"
                        : "all sides one after the other (five files)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (pairs) {
            for (int k = 0; k < names.length; k++) {
                try (Side side = side(dir, k); Side plain = new Plain(dir)) {
                    long[][] t = run(n, side, plain);
                    print(names[k], t, 0, 1);
                }
            }
            return;
        }
        try (Side q = side(dir, 0); Side floor = side(dir, 1); Side unique = side(dir, 2); Side full = side(dir, 3);
             Side plain = new Plain(dir)) {
            long[][] t = run(n, q, floor, unique, full, plain);
            for (int k = 0; k < names.length; k++) {
                print(names[k], t, k, 4);
            }
        }
    }

    /** Commits of each side in turn, {@code n} times: {nanos[], cpu nanos[]} per side, the first tenth not counted. */
    private static long[][] run(int n, Side... sides) throws Exception {
        long[][] t = new long[2][sides.length];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= n; i++) {
            for (int k = 0; k < sides.length; k++) {
                sides[k].prepare(i);
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sides[k].commit(i);
                if (i > n / 10) {
                    t[0][k] += System.nanoTime() - t0;
                    t[1][k] += mx.getCurrentThreadCpuTime() - c0;
                }
            }
        }
        int counted = n - n / 10;
        for (long[] row : t) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= counted;
            }
        }
        return t;
    }

    private static void print(String name, long[][] t, int side, int plain) {
        System.out.printf(Locale.ROOT, "%-66s %6.1f us (CPU %5.1f) against a plain insert's %6.1f us (CPU %5.1f)"
                + "  ratio=%.2f%n", name, t[0][side] / 1e3, t[1][side] / 1e3, t[0][plain] / 1e3, t[1][plain] / 1e3,
                (double) t[0][plain] / t[0][side]);
    }

    /** One kind of commit: its own file, made new. */
    private interface Side extends AutoCloseable {
        /** Untimed work before a commit (the queue's sale intent). */
        default void prepare(int i) throws Exception {
        }

        void commit(int i) throws Exception;
    }

    private static Side side(Path dir, int kind) throws Exception {
        switch (kind) {
            case 0:
                return new QueueRecord(fresh(dir, "queue.db"));
            case 1:
                return new Floor(fresh(dir, "floor.db"), false, false);
            case 2:
                return new Floor(fresh(dir, "floor-unique.db"), true, false);
            default:
                return new Floor(fresh(dir, "floor-full.db"), true, true);
        }
    }

    private static Path fresh(Path dir, String name) throws java.io.IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve(name + suffix));
        }
        return dir.resolve(name);
    }

    /** The queue's durable record of an offline sale; its intent is the untimed step before. */
    private static final class QueueRecord implements Side {
        private final OfflineQueue q;
        private SaleTicket ticket;

        QueueRecord(Path file) {
            q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(), Clock.systemDefaultZone());
        }

        @Override
        public void prepare(int i) {
            ticket = q.beginSale(QueueFixtures.offlineSale(i % 100, i, 100 + i % 900));
        }

        @Override
        public void commit(int i) {
            q.recordCardDebit(ticket.saleId(), QueueFixtures.tac(i + 1));
        }

        @Override
        public void close() {
            q.close();
        }
    }

    /** QueueBench's plain insert: one row, one UNIQUE index, autocommit. */
    private static final class Plain implements Side {
        private final Connection c;
        private final PreparedStatement ins;

        Plain(Path dir) throws Exception {
            c = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + fresh(dir, "plain.db"));
            try (Statement st = c.createStatement()) {
                st.executeUpdate(PLAIN_TABLE);
            }
            ins = c.prepareStatement("INSERT INTO t (card_no, counter, amount, record) VALUES (?, ?, ?, ?)");
        }

        @Override
        public void commit(int i) throws SQLException {
            ins.setString(1, QueueFixtures.card(i % 100));
            ins.setInt(2, i);
            ins.setLong(3, 100 + i % 900);
            ins.setString(4, RECORD);
            ins.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /** The record's b-trees in plain JDBC: constant texts of the queue's sizes, no JSON, no MAC computed. */
    private static final class Floor implements Side {
        private final Connection r;
        private final Statement st;
        private final PreparedStatement line;
        private final PreparedStatement row;
        private final PreparedStatement head;

        Floor(Path file, boolean unique, boolean indexes) throws SQLException {
            r = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + file);
            st = r.createStatement();
            st.executeUpdate("CREATE TABLE journal (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " entity TEXT, entity_id TEXT, sale_id TEXT, payload TEXT NOT NULL, hmac TEXT NOT NULL)");
            st.executeUpdate("CREATE TABLE debit (id INTEGER PRIMARY KEY, sale_id TEXT NOT NULL" + (unique ? " UNIQUE" : "")
                    + ", card_no TEXT NOT NULL, counter INTEGER NOT NULL, amount INTEGER NOT NULL, record TEXT NOT NULL,"
                    + " state TEXT NOT NULL, created_at TEXT NOT NULL, event_seq INTEGER NOT NULL, mac TEXT NOT NULL"
                    + (unique ? ", UNIQUE (card_no, counter))" : ")"));
            st.executeUpdate("CREATE TABLE head (id INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL, last_hmac TEXT NOT NULL,"
                    + " mac TEXT NOT NULL)");
            st.executeUpdate("INSERT INTO head VALUES (1, 0, '', '')");
            if (indexes) {
                st.executeUpdate("CREATE INDEX journal_entity ON journal (entity, entity_id) WHERE entity IS NOT NULL");
                st.executeUpdate("CREATE INDEX debit_state ON debit (state, created_at, amount)");
            }
            line = r.prepareStatement("INSERT INTO journal VALUES (?, ?, 'CARD_DEBITED', 'offline_debit', ?, ?, ?, ?)");
            row = r.prepareStatement("INSERT INTO debit VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)");
            head = r.prepareStatement("UPDATE head SET last_seq = ?, last_hmac = ?, mac = ? WHERE id = 1");
        }

        @Override
        public void commit(int i) throws SQLException {
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
