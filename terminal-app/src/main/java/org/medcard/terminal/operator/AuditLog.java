package org.medcard.terminal.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.store.TerminalDb;

/** Who did what, when: appended in the same transaction as the change it describes, never edited or deleted. */
public final class AuditLog {

    /** One audit line. */
    public record Entry(long id, String at, String operator, String action, String detail) {
    }

    private final TerminalDb db;
    private final Clock clock;

    public AuditLog(TerminalDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records an action on its own. */
    public void record(String operator, String action, String detail) {
        db.inTransaction(c -> {
            record(c, operator, action, detail);
            return null;
        });
    }

    /** Records an action inside the caller's transaction. */
    void record(Connection c, String operator, String action, String detail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit (at, operator, action, detail) VALUES (?, ?, ?, ?)")) {
            p.setString(1, clock.instant().toString());
            p.setString(2, operator);
            p.setString(3, action);
            p.setString(4, detail);
            p.executeUpdate();
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return db.inTransaction(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, at, operator, action, detail FROM audit ORDER BY id DESC LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }
}
