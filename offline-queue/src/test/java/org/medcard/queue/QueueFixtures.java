package org.medcard.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/** Test values: one terminal, its key, valid ID numbers and card numbers. */
public final class QueueFixtures {
    public static final TerminalIdentity TERMINAL = new TerminalIdentity("P11010100001", 1, "0000000000A1");
    public static final String ITEMS = "[{\"code\":\"A001\",\"qty\":1,\"price\":2500}]";

    private QueueFixtures() {
    }

    public static byte[] key() {
        return "terminal-01-hmac-key-for-tests!!".getBytes(StandardCharsets.US_ASCII);
    }

    public static QueueSettings settings() {
        return QueueSettings.of(TERMINAL);
    }

    /** Generous limits, so tests about other things are not refused by R11 limits. */
    public static QueueSettings roomySettings() {
        return settings().withLimits(new OfflineLimits(OfflineMode.STORE_AND_FORWARD, 10_000_000L, 1_000_000_000L,
                100_000_000_000L, java.time.Duration.ofDays(3650)));
    }

    public static OfflineQueue open(Path file, Clock clock) {
        return OfflineQueue.open(file, roomySettings(), key(), clock);
    }

    /** An ID number with a correct MOD 11-2 check character, from 17 digits. */
    public static String id(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    public static final String PATIENT = id("11010519491231001");

    /** A card number (20 hex digits) ending in {@code n}. */
    public static String card(int n) {
        String s = Integer.toString(n);
        return "1000000000000000" + "0".repeat(4 - s.length()) + s;
    }

    public static SaleIntent offlineSale(int card, int counter, long fen) {
        return SaleIntent.offline(card(card), PATIENT, counter, fen, 0, ITEMS);
    }

    public static String tac(int n) {
        String s = Integer.toHexString(n).toUpperCase();
        return "0".repeat(8 - s.length()) + s;
    }

    /** Records an offline sale start to finish and returns its id. */
    public static String offlineDebit(OfflineQueue q, int card, int counter, long fen) {
        SaleTicket t = q.beginSale(offlineSale(card, counter, fen));
        q.recordCardDebit(t.saleId(), tac(counter + 1));
        return t.saleId();
    }

    /**
     * The driver configuration (pragmas and driver options) the queue opens its file with, for benchmarks that
     * compare the queue with plain JDBC on equal terms.
     */
    public static org.sqlite.SQLiteConfig storeConfig() {
        return SqliteStore.config(roomySettings());
    }

    /** A raw JDBC connection to the file, as a person with a SQLite tool would have. */
    public static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
