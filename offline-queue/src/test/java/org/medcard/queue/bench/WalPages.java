package org.medcard.queue.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.SaleTicket;

/**
 * Benchmark main (not a test): where the pages of a durable commit go (issue 17). With {@code synchronous=FULL} a
 * commit appends every page it changed to the {@code -wal} file and fsyncs it, so the pages a commit writes are
 * its I/O and a good part of its CPU (each frame is checksummed and copied). This runs offline sales through the
 * queue and plain JDBC inserts (the same row as {@link QueueBench}'s) and reads the frames each call appended to
 * the WAL, then names the table or index each page belongs to (SQLite's {@code dbstat}). Usage:
 * {@code WalPages [dir] [sales]}; prints frames per commit, then per table or index.
 */
public final class WalPages {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private WalPages() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-queue/target/wal-pages"))
                .toAbsolutePath();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path queueFile = dir.resolve("pages-queue.db");
        Files.deleteIfExists(queueFile);
        Wal wal = new Wal(Path.of(queueFile + "-wal"));
        List<Integer> intentPages = new ArrayList<>();
        List<Integer> recordPages = new ArrayList<>();
        try (OfflineQueue q = OfflineQueue.open(queueFile, QueueFixtures.roomySettings(), QueueFixtures.key(),
                Clock.systemDefaultZone())) {
            for (int i = 1; i <= 50; i++) { // the first pages of every table and index
                QueueFixtures.offlineDebit(q, i % 100, i, 100 + i % 900);
            }
            wal.skipToEnd();
            for (int i = 51; i <= 50 + n; i++) {
                SaleTicket t = q.beginSale(QueueFixtures.offlineSale(i % 100, i, 100 + i % 900));
                intentPages.addAll(wal.newFrames());
                q.recordCardDebit(t.saleId(), QueueFixtures.tac(i + 1));
                recordPages.addAll(wal.newFrames());
            }
        }
        Path plainFile = dir.resolve("pages-plain.db");
        Files.deleteIfExists(plainFile);
        List<Integer> plainPages = new ArrayList<>();
        try (Connection c = QueueFixtures.storeConfig().createConnection("jdbc:sqlite:" + plainFile);
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, card_no TEXT NOT NULL, counter INTEGER NOT NULL,"
                    + " amount INTEGER NOT NULL, record TEXT NOT NULL, UNIQUE (card_no, counter))");
            Wal plainWal = new Wal(Path.of(plainFile + "-wal"));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO t (card_no, counter, amount, record) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 50 + n; i++) {
                    ps.setString(1, QueueFixtures.card(i % 100));
                    ps.setInt(2, i);
                    ps.setLong(3, 100 + i % 900);
                    ps.setString(4, "x".repeat(284));
                    ps.executeUpdate();
                    if (i == 50) {
                        plainWal.skipToEnd();
                    } else if (i > 50) {
                        plainPages.addAll(plainWal.newFrames());
                    }
                }
            }
        }
        Map<Integer, String> queueOwners = owners(queueFile);
        Map<Integer, String> plainOwners = owners(plainFile);
        System.out.printf(Locale.ROOT, "%d offline sales, %d plain inserts; WAL frames (pages) per commit:%n", n, n);
        System.out.printf(Locale.ROOT, "  queue: sale intent   %5.2f%n", intentPages.size() / (double) n);
        System.out.printf(Locale.ROOT, "  queue: durable record %5.2f%n", recordPages.size() / (double) n);
        System.out.printf(Locale.ROOT, "  plain JDBC insert    %5.2f%n", plainPages.size() / (double) n);
        print("durable record", recordPages, queueOwners, n);
        print("sale intent", intentPages, queueOwners, n);
        print("plain insert", plainPages, plainOwners, n);
    }

    private static void print(String what, List<Integer> pages, Map<Integer, String> owners, int n) {
        Map<String, Integer> byOwner = new TreeMap<>();
        for (int p : pages) {
            byOwner.merge(owners.getOrDefault(p, p == 1 ? "sqlite_schema (page 1)" : "?"), 1, Integer::sum);
        }
        System.out.println(what + ", frames per commit by table or index:");
        byOwner.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %5.2f%n", k, v / (double) n));
    }

    /** Page number to the name of the table or index it belongs to, read with {@code dbstat}. */
    private static Map<Integer, String> owners(Path file) throws SQLException {
        Map<Integer, String> m = new HashMap<>();
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, pageno FROM dbstat")) {
            while (rs.next()) {
                m.put(rs.getInt(2), rs.getString(1));
            }
        }
        return m;
    }

    /**
     * Reads the frames appended to a WAL file since the last look. A checkpoint followed by a write restarts the
     * WAL at its first frame with new salts, so a change of salt means "from the start again".
     */
    private static final class Wal {
        private final Path file;
        private int salt1;
        private long nextFrame;

        Wal(Path file) {
            this.file = file;
        }

        void skipToEnd() throws IOException {
            newFrames();
        }

        List<Integer> newFrames() throws IOException {
            List<Integer> pages = new ArrayList<>();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                ByteBuffer header = read(f, 0, WAL_HEADER);
                int pageSize = header.getInt(8);
                int s1 = header.getInt(16);
                int s2 = header.getInt(20);
                if (s1 != salt1) {
                    salt1 = s1;
                    nextFrame = 0;
                }
                long frameSize = FRAME_HEADER + (long) pageSize;
                List<Integer> uncommitted = new ArrayList<>();
                for (long i = nextFrame; WAL_HEADER + (i + 1) * frameSize <= f.length(); i++) {
                    ByteBuffer fh = read(f, WAL_HEADER + i * frameSize, FRAME_HEADER);
                    if (fh.getInt(8) != s1 || fh.getInt(12) != s2) {
                        break; // a frame of an earlier cycle of the WAL
                    }
                    uncommitted.add(fh.getInt(0));
                    if (fh.getInt(4) != 0) { // the commit frame
                        pages.addAll(uncommitted);
                        uncommitted.clear();
                        nextFrame = i + 1;
                    }
                }
            }
            return pages;
        }

        private static ByteBuffer read(RandomAccessFile f, long at, int len) throws IOException {
            byte[] b = new byte[len];
            f.seek(at);
            f.readFully(b);
            return ByteBuffer.wrap(b);
        }
    }
}
