package org.medcard.simulator.center.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small JDBC helpers over the center's single connection, with prepared statements cached by SQL text.
 * Not thread-safe: only the thread holding the {@link CenterStore} transaction uses it.
 */
public final class Db {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Db(Connection connection) {
        this.connection = connection;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public int update(String sql, Object... args) {
        try {
            return bind(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("update failed (" + firstWords(sql) + ")", e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreFailure("query failed (" + firstWords(sql) + ")", e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreFailure("query failed (" + firstWords(sql) + ")", e);
        }
    }

    /** The first column of the first row as a long, or {@code orElse} when there is no row or it is NULL. */
    public long number(String sql, long orElse, Object... args) {
        return one(sql, rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }, args).orElse(orElse);
    }

    /** The next value of a named sequence, stored in the same transaction as its use. */
    public long next(String sequence) {
        update("INSERT INTO counter(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1", sequence);
        return number("SELECT value FROM counter WHERE name = ?", 0, sequence);
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.clearParameters();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
        return ps;
    }

    void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing: nothing left to protect
            }
        }
        statements.clear();
    }

    private static String firstWords(String sql) {
        String s = sql.strip();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
