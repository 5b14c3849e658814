package org.medcard.queue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The queue's one connection with its prepared statements kept by SQL text (issue 17). Compiling a statement
 * costs SQLite more than running it (the journal's triggers and the foreign keys are compiled into every
 * insert), and the queue runs the same few dozen statements again and again: profiling the durable record of
 * an offline sale showed about a third of its native time in {@code sqlite3_prepare}.
 *
 * <p>{@code prepareStatement(sql)} hands out the kept statement; its {@code close()} only clears the parameters,
 * so callers keep their try-with-resources. A result set is closed by its caller as before, which resets the
 * statement. Closing the connection closes every kept statement. Like the connection, it is used only under
 * {@link SqliteStore}'s lock.
 */
final class StatementCache implements InvocationHandler {
    private final Connection conn;
    /** Each kept statement with the one wrapper handed out for it (a wrapper per call cost a proxy per call). */
    private final Map<String, PreparedStatement[]> kept = new HashMap<>();

    private StatementCache(Connection conn) {
        this.conn = conn;
    }

    static Connection wrap(Connection conn) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(conn));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return kept((String) args[0])[1];
        }
        if (method.getName().equals("close") && (args == null || args.length == 0)) {
            closeKept();
        }
        return call(conn, method, args);
    }

    /** The cache behind a connection made by {@link #wrap}. */
    static StatementCache of(Connection wrapped) {
        return (StatementCache) Proxy.getInvocationHandler(wrapped);
    }

    /**
     * The kept statement itself, not its wrapper: for the few statements of every commit (issue 17: each call
     * through the wrapper is a reflective call, a durable record makes about thirty). The caller binds every
     * parameter before each run and never closes it; a result set it opens it closes, which resets the statement.
     */
    PreparedStatement direct(String sql) throws SQLException {
        return kept(sql)[0];
    }

    private PreparedStatement[] kept(String sql) throws SQLException {
        PreparedStatement[] ps = kept.get(sql);
        if (ps == null || ps[0].isClosed()) {
            PreparedStatement prepared = conn.prepareStatement(sql);
            ps = new PreparedStatement[] {prepared, keptStatement(prepared)};
            kept.put(sql, ps);
        }
        return ps;
    }

    private static PreparedStatement keptStatement(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("close") && (a == null || a.length == 0)) {
                        ps.clearParameters();
                        return null;
                    }
                    return call(ps, m, a);
                });
    }

    private void closeKept() {
        for (PreparedStatement[] ps : kept.values()) {
            try {
                ps[0].close();
            } catch (SQLException e) {
                // closing the connection next: nothing left to protect
            }
        }
        kept.clear();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
