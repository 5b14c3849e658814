package org.medcard.terminal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.sqlite.SQLiteConfig;

/**
 * The terminal's own SQLite file ({@code terminal.db}): operators, the audit log, the catalog and
 * blacklist downloaded from the center (used offline), and the receipts issued (for reprints). Money and
 * sales are not here: they live in the offline queue's journal.
 *
 * <p>One connection, used under this object's lock: the terminal is one process with few writes, and a
 * single writer is what SQLite wants. WAL and {@code synchronous=FULL}, like the queue.
 */
public final class TerminalDb implements AutoCloseable {

    /** Schema versions in order; index i upgrades from version i to i+1. */
    private static final String[][] MIGRATIONS = {
        {
            "CREATE TABLE operator (name TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,"
                    + " salt BLOB NOT NULL, hash BLOB NOT NULL, iterations INTEGER NOT NULL,"
                    + " failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT, active INTEGER NOT NULL DEFAULT 1)",
            "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, operator TEXT NOT NULL,"
                    + " action TEXT NOT NULL, detail TEXT NOT NULL)",
            "CREATE TABLE catalog_item (code TEXT PRIMARY KEY, name TEXT NOT NULL, spec TEXT, unit TEXT,"
                    + " price_fen INTEGER NOT NULL CHECK (price_fen >= 0), category TEXT NOT NULL,"
                    + " self_pay_bp INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE blacklist (card_no TEXT PRIMARY KEY, psn_status TEXT NOT NULL, since TEXT)",
            "CREATE TABLE download_version (name TEXT PRIMARY KEY, version INTEGER NOT NULL, at TEXT NOT NULL)"
        },
        {
            // Every receipt issued, as its document record (JSON), for reprints (receipt.desk.ReceiptJournal).
            "CREATE TABLE receipts (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " operator TEXT NOT NULL, setl_id TEXT, entry_no TEXT, total_fen INTEGER, card_masked TEXT,"
                    + " training INTEGER NOT NULL, document TEXT NOT NULL, reprints INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX receipts_at ON receipts (at)",
            "CREATE INDEX receipts_setl_id ON receipts (setl_id)",
            "CREATE INDEX receipts_entry_no ON receipts (entry_no)"
        },
        {
            // The audit log becomes tamper-evident (docs/security.md): each row's HMAC covers the previous row's,
            // and a keyed seal names the last row, so an edited, deleted or appended-by-hand row is found.
            "ALTER TABLE audit ADD COLUMN mac TEXT",
            "CREATE TABLE audit_seal (id INTEGER PRIMARY KEY CHECK (id = 1), last_id INTEGER NOT NULL,"
                    + " last_mac TEXT NOT NULL, mac TEXT NOT NULL)"
        }
    };

    private final Connection connection;
    private final Path file;

    private TerminalDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating and migrating) the file; the file and its folder are made owner-only where the OS allows. */
    public static TerminalDb open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                ownerOnly(file);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Duration.ofSeconds(5).toMillis());
        config.enforceForeignKeys(true);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            TerminalDb db = new TerminalDb(file, c);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + " (" + e.getMessage() + "); if the file is damaged, "
                    + "move it aside: operators and downloads are recreated, sales are not kept here", e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the user's app-data folder is already private to the user.
        }
    }

    private void migrate() throws SQLException {
        int version = userVersion();
        if (version > MIGRATIONS.length) {
            throw new SQLException("file is schema version " + version + ", newer than this terminal (" + MIGRATIONS.length + ")");
        }
        for (int v = version; v < MIGRATIONS.length; v++) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : MIGRATIONS[v]) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    int userVersion() throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    /** Runs {@code work} in one transaction under the database lock. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("terminal database " + file + ": " + e.getMessage(), e);
        }
    }

    /** One unit of database work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to lose, every change was committed
        }
    }
}
