package org.medcard.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file behind the queue: one connection, one writer at a time, every change in one transaction.
 *
 * <h2>Why nothing acknowledged is lost, duplicated or silently changed</h2>
 * <ul>
 *   <li><b>One commit point.</b> Every change (a journal line, the rows it changes, the chain head) is made
 *   between {@code BEGIN IMMEDIATE} and {@code COMMIT} of {@link #write}. The caller is told "done" only after
 *   {@code COMMIT} returned; in-memory state (the cached chain head) is updated only after that. A crash
 *   before the commit leaves the file as before the call (SQLite rolls back the uncommitted WAL frames on the
 *   next open); a crash after it leaves the change in full. As in square/tape's {@code QueueFile}, the
 *   pattern is peek, act, acknowledge: the forwarder marks a message SENDING and commits before sending, and
 *   records the answer in a later transaction; a crash between the two is found at start (SENDING becomes
 *   UNKNOWN) and the message is sent again with the same stored msgid, which the center answers
 *   idempotently. Repeats are possible, losses are not, and repeats are harmless.</li>
 *   <li><b>Assumptions.</b> {@code journal_mode=WAL} with {@code synchronous=FULL}: the WAL is fsynced at
 *   every commit, so a committed transaction survives power loss, not only a process kill (NORMAL can lose
 *   the last commits on power loss). The disk honours fsync. Only this process writes the file, enforced by
 *   an OS lock on {@code <file>.lock} held while the queue is open (released by the OS if the process dies).
 *   {@code foreign_keys=ON} so a row can never point to a journal line that does not exist.</li>
 *   <li><b>No duplicates.</b> UNIQUE constraints make the store refuse a second debit for the same card
 *   counter, a second row for a sale, a second message with the same msgid.</li>
 *   <li><b>No silent change.</b> The journal is append-only (triggers refuse UPDATE/DELETE) and HMAC-chained;
 *   every state row carries an HMAC bound to the journal line that last changed it; the chain head (last
 *   seq, last HMAC, counters) carries its own HMAC. See {@link ChainVerifier}.</li>
 *   <li><b>A sale is two commits, each complete.</b> The intent ({@code SALE_INTENT}) is committed before the
 *   card's DEBIT: after a tear or a crash it is what tear recovery asks the card about, online or offline. The
 *   card's answer is then recorded in ONE transaction: its TAC line, what carries it to the center (the 8301
 *   debit row or the online settle message) and the HMAC chain link with the head; a crash leaves all of it or
 *   none, and a retry with the same TAC changes nothing ({@code SaleJournal#recordDebit}).</li>
 *   <li><b>Memory follows the file, never leads it.</b> Like the cached head, in-memory state that mirrors rows
 *   (the open sales a record takes its intent from, issue 17) changes only in {@link Tx#afterCommit} actions, run
 *   after {@code COMMIT} returned and still under the lock, and never after a rollback; what it does not hold is
 *   read from the file.</li>
 *   <li><b>Kept statements change nothing of this.</b> The connection keeps its prepared statements
 *   ({@link StatementCache}, issue 17); every statement still runs inside the caller's {@code BEGIN IMMEDIATE} …
 *   {@code COMMIT}, and a statement that failed is reset by the driver before the rollback.</li>
 *   <li><b>Failures stop writes.</b> A full disk, an I/O error or a damaged file makes every later write fail
 *   with {@link QueueStoreException} until the queue is reopened: nothing is half-written and nothing is
 *   retried into a file we can no longer trust.</li>
 * </ul>
 *
 * <p>Thread safety: all methods may be called from any thread; a {@link ReentrantLock} serialises them on the
 * single connection. Network I/O is never done while the lock is held.
 */
final class SqliteStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final int PAGE_SIZE = 4096;
    private static final String INSERT_JOURNAL = "INSERT INTO journal (seq, at, kind, entity, entity_id, sale_id,"
            + " payload, hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** The cached chain head: the last journal line and the counters that are allocated with journal lines. */
    record Head(long lastSeq, String lastHmac, long terminalSeq, long msgSeq, long entrySeq) {
        Map<String, Object> columns() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", 1L);
            m.put("last_seq", lastSeq);
            m.put("last_hmac", lastHmac);
            m.put("terminal_seq", terminalSeq);
            m.put("msg_seq", msgSeq);
            m.put("entry_seq", entrySeq);
            return m;
        }
    }

    /** A body run inside one write transaction. */
    interface TxBody<T> {
        T run(Tx tx) throws SQLException;
    }

    /** A body run inside one read transaction (a consistent snapshot). */
    interface ReadBody<T> {
        T run(Connection conn) throws SQLException;
    }

    private final Path path;
    private final Connection conn;
    /** The connection's kept statements, for the statements of every commit (no wrapper in between). */
    private final StatementCache statements;
    /** Per table: the column names of the last row inserted and the INSERT they make (rows of a table keep theirs). */
    private final Map<String, InsertSql> insertSql = new java.util.HashMap<>();

    /** An INSERT's text and the column names, in order, it was made for. */
    private record InsertSql(String[] names, String sql) {
    }
    private final RowMac mac;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final ReentrantLock lock = new ReentrantLock();
    private Head head;
    private volatile QueueStoreException writesStopped;

    private SqliteStore(Path path, Connection conn, RowMac mac, Clock clock, FileChannel lockChannel,
                        FileLock fileLock) {
        this.path = path;
        this.conn = conn;
        this.statements = StatementCache.of(conn);
        this.mac = mac;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /**
     * Opens (creating if absent) and migrates the file to {@code targetVersion}.
     *
     * @param payloadForCreation journal payload written when the file is new (the terminal identity)
     */
    static SqliteStore open(Path path, byte[] key, Clock clock, QueueSettings settings, int targetVersion,
                            ObjectNode payloadForCreation) {
        RowMac mac = new RowMac(key);
        FileChannel channel = null;
        FileLock fileLock;
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        try {
            createOwnerOnly(lockPath);
            channel = FileChannel.open(lockPath, StandardOpenOption.WRITE);
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QueueStoreException(QueueStoreException.Reason.IO_ERROR,
                    "cannot create or open the lock file " + lockPath, e);
        }
        if (fileLock == null) {
            closeQuietly(channel);
            throw new QueueStoreException(QueueStoreException.Reason.LOCKED,
                    "the queue " + path + " is already open in another program or window");
        }
        try {
            createOwnerOnly(path);
            Connection conn = StatementCache.wrap(config(settings).createConnection("jdbc:sqlite:" + path));
            SqliteStore store = new SqliteStore(path, conn, mac, clock, channel, fileLock);
            store.start(targetVersion, payloadForCreation);
            return store;
        } catch (SQLException e) {
            releaseLock(fileLock, channel);
            throw translate(e, "opening " + path);
        } catch (IOException e) {
            releaseLock(fileLock, channel);
            throw new QueueStoreException(QueueStoreException.Reason.IO_ERROR, "cannot create " + path, e);
        } catch (RuntimeException e) {
            releaseLock(fileLock, channel);
            throw e;
        }
    }

    static SQLiteConfig config(QueueSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, settings.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        config.setPageSize(PAGE_SIZE);
        // The driver would otherwise prepare, run and finalize "SELECT last_insert_rowid()" after every INSERT
        // (issue 17: a sixth of a durable record's CPU); the queue never asks for generated keys, every id it
        // stores it chose itself (the MAC covers it).
        config.setGetGeneratedKeys(false);
        if (settings.maxDatabaseBytes() > 0) {
            config.setMaxPageCount((int) Math.max(1, settings.maxDatabaseBytes() / PAGE_SIZE));
        }
        return config;
    }

    /** The file is created empty with owner-only permissions; SQLite gives its -wal and -shm the same. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it between the check and here: its permissions stand
        }
    }

    private void start(int targetVersion, ObjectNode payloadForCreation) throws SQLException {
        quickCheck();
        exec("BEGIN IMMEDIATE");
        try {
            int from = Schema.version(conn);
            if (from > Schema.LATEST) {
                throw new QueueStoreException(QueueStoreException.Reason.REFUSED, path + " is schema v" + from
                        + ", newer than this program (v" + Schema.LATEST + "); open it with the newer program");
            }
            if (from < targetVersion) {
                Schema.migrate(conn, from, targetVersion);
            }
            head = loadHead();
            Tx tx = new Tx(head);
            if (from == 0) {
                tx.append("QUEUE_CREATED", null, null, null, payloadForCreation);
            } else if (from < targetVersion) {
                tx.append("SCHEMA_MIGRATED", null, null, null,
                        payloadForCreation.objectNode().put("from", from).put("to", targetVersion));
            }
            if (tx.headChanged) {
                tx.writeHead(); // only when something was appended: a tampered head must stay visible
            }
            exec("COMMIT");
            head = tx.head;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void quickCheck() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(first)) {
                throw new QueueStoreException(QueueStoreException.Reason.CORRUPT,
                        "SQLite quick_check of " + path + " says: " + first
                                + "; the file was not changed - keep it for a technician");
            }
        }
    }

    private Head loadHead() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM chain_head WHERE id = 1")) {
            if (!rs.next()) {
                return new Head(0, RowMac.GENESIS, 0, 0, 0);
            }
            return new Head(rs.getLong("last_seq"), rs.getString("last_hmac"), rs.getLong("terminal_seq"),
                    rs.getLong("msg_seq"), rs.getLong("entry_seq"));
        }
    }

    RowMac mac() {
        return mac;
    }

    Clock clock() {
        return clock;
    }

    Path path() {
        return path;
    }

    /** Null while writes are allowed; otherwise the failure that stopped them. */
    QueueStoreException writesStopped() {
        return writesStopped;
    }

    /** Stops writes from now on (a record that cannot be parsed, found by a reader). */
    void stopWrites(QueueStoreException cause) {
        if (writesStopped == null) {
            writesStopped = cause;
            LOG.error("Offline queue {}: writes stopped: {}", path, cause.getMessage());
        }
    }

    /** Runs {@code body} in one write transaction: all of it is committed, or none of it. */
    <T> T write(String what, TxBody<T> body) {
        lock.lock();
        try {
            QueueStoreException stopped = writesStopped;
            if (stopped != null) {
                throw new QueueStoreException(QueueStoreException.Reason.WRITES_STOPPED,
                        what + " refused: writes stopped after " + stopped.getMessage(), stopped);
            }
            return writeLocked(what, body);
        } finally {
            lock.unlock();
        }
    }

    private <T> T writeLocked(String what, TxBody<T> body) {
        CommitEvent event = new CommitEvent();
        event.begin();
        try {
            exec("BEGIN IMMEDIATE");
            Tx tx = new Tx(head);
            T result = body.run(tx);
            if (tx.headChanged) {
                tx.writeHead();
            }
            exec("COMMIT"); // the commit point: only after this returns is anything acknowledged
            head = tx.head;
            tx.committed();
            if (event.shouldCommit()) {
                event.what = what;
                event.commit();
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            QueueStoreException ex = translate(e, what + " in " + path);
            if (ex.stopsWrites()) {
                stopWrites(ex);
            }
            throw ex;
        } catch (RuntimeException e) {
            rollbackQuietly();
            if (e instanceof QueueStoreException q && q.stopsWrites()) {
                stopWrites(q);
            }
            throw e;
        }
    }

    /** Runs {@code body} on one consistent snapshot. */
    <T> T read(String what, ReadBody<T> body) {
        lock.lock();
        try {
            exec("BEGIN");
            try {
                T result = body.run(conn);
                exec("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            QueueStoreException ex = translate(e, what + " in " + path);
            if (ex.stopsWrites()) {
                stopWrites(ex); // a damaged page found while reading: do not write on top of it
            }
            throw ex;
        } catch (QueueStoreException e) {
            if (e.stopsWrites()) {
                stopWrites(e); // e.g. a record that cannot be parsed: do not build on it
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void exec(String sql) throws SQLException {
        statements.direct(sql).execute(); // kept: BEGIN and COMMIT run for every call
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback after failure: {}", e.getMessage());
        }
        try {
            head = loadHead();
        } catch (SQLException e) {
            LOG.debug("reloading the chain head after rollback: {}", e.getMessage());
        }
    }

    static QueueStoreException translate(SQLException e, String what) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String name = code == null ? "" : code.name();
        QueueStoreException.Reason reason;
        String hint;
        if (name.startsWith("SQLITE_FULL")) {
            reason = QueueStoreException.Reason.DISK_FULL;
            hint = "the disk (or the configured size bound) is full; free space, then restart";
        } else if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            reason = QueueStoreException.Reason.CORRUPT;
            hint = "the file is damaged or not a queue database; keep it for a technician";
        } else if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            reason = QueueStoreException.Reason.LOCKED;
            hint = "another program holds the file; close it and try again";
        } else if (name.startsWith("SQLITE_CONSTRAINT")) {
            reason = QueueStoreException.Reason.REFUSED;
            hint = "it contradicts what is stored; nothing was written";
        } else {
            reason = QueueStoreException.Reason.IO_ERROR;
            hint = "the file could not be read or written";
        }
        return new QueueStoreException(reason, what + ": " + hint + " (" + e.getMessage() + ")", e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            conn.close();
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", path, e.getMessage());
        } finally {
            releaseLock(fileLock, lockChannel);
            lock.unlock();
        }
    }

    private static void releaseLock(FileLock fileLock, FileChannel channel) {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
        } catch (IOException e) {
            LOG.debug("releasing the lock: {}", e.getMessage());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the lock file: {}", e.getMessage());
            }
        }
    }

    /** Reads every column of the current row, numbers as Long, in the table's column order. */
    static Map<String, Object> rowMap(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), value(rs, i));
        }
        return row;
    }

    /**
     * Column {@code i} of the current row as the queue reads every value: numbers as Long (the driver hands out
     * Integer or Long by size), the rest as the driver reads it. The MACs are computed over these values, so the row
     * map and the chain check's arrays ({@link #rowValues}) read through this one method.
     */
    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        return v instanceof Number n ? (Object) n.longValue() : v;
    }

    /**
     * Reads every column of the current row into {@code values[1..]}, as {@link #rowMap} reads them (numbers as
     * Long), without a map per row: for the chain check, which reads every line of the journal (issue 17, verify17).
     * Slot 0 stays null: the column of a label the query lacks ({@link RowMac.Layout#column}).
     */
    static void rowValues(ResultSet rs, Object[] values) throws SQLException {
        for (int i = 1; i < values.length; i++) {
            values[i] = value(rs, i);
        }
    }

    static List<Map<String, Object>> query(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rowMap(rs));
                }
                return rows;
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /**
     * One write transaction: appends journal lines and changes state rows, each bound to its journal line.
     */
    final class Tx {
        private Head head;
        private boolean headChanged;
        /** In-memory changes that become true only with this transaction: run after COMMIT, under the lock. */
        private List<Runnable> afterCommit;

        private Tx(Head head) {
            this.head = head;
        }

        Connection conn() {
            return conn;
        }

        Instant now() {
            return clock.instant();
        }

        Clock clock() {
            return clock;
        }

        /**
         * Runs {@code change} (to in-memory state that mirrors the file, e.g. a cache of open sales) once this
         * transaction has committed, still under the store's lock; never if it rolls back.
         */
        void afterCommit(Runnable change) {
            if (afterCommit == null) {
                afterCommit = new ArrayList<>(2);
            }
            afterCommit.add(change);
        }

        private void committed() {
            if (afterCommit != null) {
                afterCommit.forEach(Runnable::run);
            }
        }

        long nextTerminalSeq() {
            head = new Head(head.lastSeq, head.lastHmac, head.terminalSeq + 1, head.msgSeq, head.entrySeq);
            headChanged = true;
            return head.terminalSeq;
        }

        long nextMsgSeq() {
            head = new Head(head.lastSeq, head.lastHmac, head.terminalSeq, head.msgSeq + 1, head.entrySeq);
            headChanged = true;
            return head.msgSeq;
        }

        /** Takes {@code count} message sequence numbers at once; returns the first. */
        long reserveMsgSeqs(int count) {
            long first = head.msgSeq + 1;
            head = new Head(head.lastSeq, head.lastHmac, head.terminalSeq, head.msgSeq + count, head.entrySeq);
            headChanged = true;
            return first;
        }

        long nextEntrySeq() {
            head = new Head(head.lastSeq, head.lastHmac, head.terminalSeq, head.msgSeq, head.entrySeq + 1);
            headChanged = true;
            return head.entrySeq;
        }

        /** Appends one journal line chained to the previous one. */
        JournalEntry append(String kind, String entity, String entityId, String saleId, ObjectNode payload)
                throws SQLException {
            long seq = head.lastSeq + 1;
            Instant at = clock.instant();
            String text = payload.toString();
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("seq", seq);
            cols.put("at", LocalTimes.stamp(at));
            cols.put("kind", kind);
            cols.put("entity", entity);
            cols.put("entity_id", entityId);
            cols.put("sale_id", saleId);
            cols.put("payload", text);
            String hmac = mac.chain(head.lastHmac, cols);
            cols.put("hmac", hmac);
            PreparedStatement ps = statements.direct(INSERT_JOURNAL);
            ps.setLong(1, seq);
            ps.setString(2, (String) cols.get("at"));
            ps.setString(3, kind);
            ps.setString(4, entity);
            ps.setString(5, entityId);
            ps.setString(6, saleId);
            ps.setString(7, text);
            ps.setString(8, hmac);
            ps.executeUpdate();
            head = new Head(seq, hmac, head.terminalSeq, head.msgSeq, head.entrySeq);
            headChanged = true;
            // the stamp keeps milliseconds: the same instant as parsing it back, without the parse
            return new JournalEntry(seq, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), kind, entity, entityId,
                    saleId, text);
        }

        /** Inserts a state row, recording its creation as a journal line. */
        void insert(String table, String keyColumn, Map<String, Object> cols, String kind, ObjectNode payload)
                throws SQLException {
            String key = String.valueOf(cols.get(keyColumn));
            JournalEntry event = append(kind, table, key, (String) cols.get("sale_id"), payload);
            cols.put("event_seq", event.seq());
            cols.put("mac", mac.row(table, cols, head.lastHmac));
            insertRow(table, cols);
        }

        /**
         * Changes a state row: checks its MAC first (a tampered row is never built upon), records the change as
         * a journal line, and rebinds the row's MAC to that line.
         */
        Map<String, Object> update(String table, String keyColumn, String key, Map<String, Object> changes,
                                   String kind, String saleId, ObjectNode payload) throws SQLException {
            List<Map<String, Object>> rows = query(conn,
                    "SELECT t.*, j.hmac AS event_hmac FROM " + table + " t LEFT JOIN journal j ON j.seq = t.event_seq"
                            + " WHERE t." + keyColumn + " = ?", key);
            if (rows.size() != 1) {
                throw new QueueStoreException(QueueStoreException.Reason.REFUSED, table + " " + key + " not found");
            }
            Map<String, Object> row = rows.get(0);
            String eventHmac = (String) row.remove("event_hmac");
            if (eventHmac == null || !mac.row(table, row, eventHmac).equals(row.get("mac"))) {
                throw new QueueStoreException(QueueStoreException.Reason.REFUSED,
                        table + " " + key + " fails its HMAC: changed outside the program; not updated");
            }
            row.putAll(changes);
            JournalEntry event = append(kind, table, key, saleId, payload);
            row.put("event_seq", event.seq());
            row.put("mac", mac.row(table, row, head.lastHmac));
            StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
            List<Object> args = new ArrayList<>();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!args.isEmpty()) {
                    sql.append(", ");
                }
                sql.append(e.getKey()).append(" = ?");
                args.add(e.getValue());
            }
            sql.append(" WHERE ").append(keyColumn).append(" = ?");
            args.add(key);
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                ps.executeUpdate();
            }
            return row;
        }

        /**
         * After a supervisor acknowledged tamper evidence: journals the row exactly as it now stands (so the
         * journal holds both what the program wrote and what was found) and binds its MAC to that line, so
         * the forwarder can go on. Nothing about the row is changed.
         */
        void reseal(String table, String keyColumn, String key, ObjectNode payload) throws SQLException {
            Map<String, Object> row = query(conn, "SELECT * FROM " + table + " WHERE " + keyColumn + " = ?", key).get(0);
            row.remove("mac");
            row.remove("event_seq");
            ObjectNode found = payload.putObject("row_as_found");
            row.forEach((k, v) -> found.putPOJO(k, v));
            JournalEntry event = append("ROW_RESEALED", table, key, null, payload);
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE " + table + " SET event_seq = ?, mac = ? WHERE " + keyColumn + " = ?")) {
                row.put("event_seq", event.seq());
                bind(ps, event.seq(), mac.row(table, row, head.lastHmac), key);
                ps.executeUpdate();
            }
        }

        void insertRow(String table, Map<String, Object> cols) throws SQLException {
            PreparedStatement ps = statements.direct(insertSql(table, cols));
            int i = 0;
            for (Object v : cols.values()) {
                ps.setObject(++i, v);
            }
            ps.executeUpdate();
        }

        /** The INSERT of these columns, made once per table and column list (issue 17: not text per row). */
        private String insertSql(String table, Map<String, Object> cols) {
            InsertSql last = insertSql.get(table);
            if (last != null && sameNames(last.names(), cols)) {
                return last.sql();
            }
            String[] names = cols.keySet().toArray(new String[0]);
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.length, "?")) + ")";
            insertSql.put(table, new InsertSql(names, sql));
            return sql;
        }

        private static boolean sameNames(String[] names, Map<String, Object> cols) {
            if (names.length != cols.size()) {
                return false;
            }
            int i = 0;
            for (String name : cols.keySet()) {
                if (!name.equals(names[i++])) {
                    return false;
                }
            }
            return true;
        }

        /** The next id of {@code table}'s rows (the MAC covers it, so it is chosen before the insert). */
        long nextId(String table) throws SQLException {
            // read directly: on the path of every durable record (issue 17), a row map would fetch the column names
            try (ResultSet rs = statements.direct("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM " + table).executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void writeHead() throws SQLException {
            Map<String, Object> cols = head.columns();
            String headMac = mac.head(cols);
            // An UPDATE of the one row, in place (INSERT OR REPLACE deleted and inserted it); the row is inserted
            // when the file has none: a new file, or a head deleted outside the program (as REPLACE did).
            PreparedStatement ps = statements.direct("UPDATE chain_head SET last_seq = ?, last_hmac = ?,"
                    + " terminal_seq = ?, msg_seq = ?, entry_seq = ?, mac = ? WHERE id = 1");
            ps.setLong(1, head.lastSeq);
            ps.setString(2, head.lastHmac);
            ps.setLong(3, head.terminalSeq);
            ps.setLong(4, head.msgSeq);
            ps.setLong(5, head.entrySeq);
            ps.setString(6, headMac);
            if (ps.executeUpdate() == 0) {
                cols.put("mac", headMac);
                PreparedStatement insert = statements.direct("INSERT INTO chain_head"
                        + " (id, last_seq, last_hmac, terminal_seq, msg_seq, entry_seq, mac) VALUES (?, ?, ?, ?, ?, ?, ?)");
                bind(insert, cols.values().toArray());
                insert.executeUpdate();
            }
            headChanged = false;
        }
    }
}
