package org.medcard.simulator.center.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The center's SQLite database: one connection, one writer, every request in one transaction.
 *
 * <p><b>Durability.</b> WAL journal with {@code synchronous=FULL}: once {@link #inTransaction} returns,
 * the request's changes and its stored answer are on disk together, or neither is (a crash before the
 * commit rolls the whole request back, so nothing is ever half-applied). The HTTP answer is written only
 * after the commit; losing it is what the {@code msgid} resend is for.
 *
 * <p>Thread-safety: {@link #inTransaction} is synchronized; requests are serialized, which is what a
 * single SQLite writer does anyway.
 */
public final class CenterStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CenterStore.class);
    public static final String MEMORY = ":memory:";

    private final Connection connection;
    private final Db db;
    private final String location;
    private final boolean fresh;

    private CenterStore(Connection connection, String location, boolean fresh) {
        this.connection = connection;
        this.db = new Db(connection);
        this.location = location;
        this.fresh = fresh;
    }

    /** Opens (creating if needed) the database at {@code path}, or an in-memory one for {@link #MEMORY}. */
    public static CenterStore open(String path) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
            int applied = migrate(c);
            c.setAutoCommit(false);
            LOG.info("Center database {} opened (schema version {}, {})", path, Schema.MIGRATIONS.size(),
                    applied == 0 ? "new" : "existing");
            return new CenterStore(c, path, applied == 0);
        } catch (SQLException e) {
            throw new StoreFailure("cannot open the center database " + path, e);
        }
    }

    private static int migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > Schema.MIGRATIONS.size()) {
            throw new SQLException("database schema version " + version + " is newer than this simulator ("
                    + Schema.MIGRATIONS.size() + ")");
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int v = version; v < Schema.MIGRATIONS.size(); v++) {
                List<String> steps = Schema.MIGRATIONS.get(v);
                for (String sql : steps) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + Schema.MIGRATIONS.size());
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        return version;
    }

    /** True when this open created the schema: the caller seeds it. */
    public boolean isFresh() {
        return fresh;
    }

    public String location() {
        return location;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Db db, Savepoints savepoints);
    }

    /** Lets a unit of work undo its own changes but keep the transaction (to store a refusal's answer). */
    public interface Savepoints {
        /** Marks the current state. */
        Object mark();

        /** Undoes every change since {@code mark}. */
        void rollbackTo(Object mark);
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        Savepoints sp = new Savepoints() {
            @Override
            public Object mark() {
                try {
                    return connection.setSavepoint();
                } catch (SQLException e) {
                    throw new StoreFailure("cannot set a savepoint", e);
                }
            }

            @Override
            public void rollbackTo(Object mark) {
                try {
                    connection.rollback((java.sql.Savepoint) mark);
                } catch (SQLException e) {
                    throw new StoreFailure("cannot roll back to a savepoint", e);
                }
            }
        };
        try {
            T result = work.run(db, sp);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreFailure("commit failed", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.error("Rollback failed on {}", location, e);
        }
    }

    @Override
    public synchronized void close() {
        db.closeStatements();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the center database {} failed: {}", location, e.getMessage());
        }
    }
}
