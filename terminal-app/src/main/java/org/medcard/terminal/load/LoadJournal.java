package org.medcard.terminal.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medcard.terminal.store.TerminalDb;

/**
 * The terminal's durable record of each load it authorized, in {@code terminal.db} (table {@code card_load},
 * created here so the shared schema list stays untouched). One row per {@code load_id}; the state only moves
 * forward: AUTHORIZED (written, and committed with {@code synchronous=FULL}, before CREDIT FOR LOAD is sent) →
 * CREDITED (the card answered its TAC, or its log shows the credit) → QUEUED (the {@code 8502} confirmation is in
 * the queue's outbox under {@code msgid}), or AUTHORIZED → NOT_CREDITED (the card's log proves it did not credit:
 * the center may offer the load again).
 */
public final class LoadJournal {

    /** Where one load stands on this terminal. */
    public enum State { AUTHORIZED, CREDITED, QUEUED, NOT_CREDITED }

    /** One journalled load. {@code tac} is null when the card's answer was lost (the credit is proven by its log). */
    public record Entry(String loadId, String cardNo, long amountFen, int onlineCounter, String terminalId,
                        LocalDateTime loadTime, State state, String tac, String msgid) {
    }

    private final TerminalDb db;
    private final Clock clock;

    public LoadJournal(TerminalDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS card_load (load_id TEXT PRIMARY KEY, card_no TEXT NOT NULL,"
                        + " amount INTEGER NOT NULL CHECK (amount > 0), online_counter INTEGER NOT NULL, terminal_id TEXT NOT NULL,"
                        + " load_time TEXT NOT NULL, state TEXT NOT NULL, tac TEXT, msgid TEXT, updated_at TEXT NOT NULL)");
            }
            return null;
        });
    }

    /** Before CREDIT FOR LOAD; a load authorized again (after NOT_CREDITED) replaces its old row. */
    public void authorized(String loadId, String cardNo, long amountFen, int onlineCounter, String terminalId, LocalDateTime loadTime) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO card_load (load_id, card_no, amount, online_counter,"
                    + " terminal_id, load_time, state, tac, msgid, updated_at) VALUES (?,?,?,?,?,?,'AUTHORIZED',NULL,NULL,?)")) {
                p.setString(1, loadId);
                p.setString(2, cardNo);
                p.setLong(3, amountFen);
                p.setInt(4, onlineCounter);
                p.setString(5, terminalId);
                p.setString(6, loadTime.toString());
                p.setString(7, Instant.now(clock).toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    public void credited(String loadId, String tac) {
        move(loadId, State.CREDITED, "tac = ?", tac);
    }

    public void queued(String loadId, String msgid) {
        move(loadId, State.QUEUED, "msgid = ?", msgid);
    }

    public void notCredited(String loadId) {
        move(loadId, State.NOT_CREDITED, null, null);
    }

    private void move(String loadId, State to, String extra, String value) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE card_load SET state = ?, updated_at = ?"
                    + (extra == null ? "" : ", " + extra) + " WHERE load_id = ?")) {
                int i = 1;
                p.setString(i++, to.name());
                p.setString(i++, Instant.now(clock).toString());
                if (extra != null) {
                    p.setString(i++, value);
                }
                p.setString(i, loadId);
                if (p.executeUpdate() != 1) {
                    throw new SQLException("no journalled load " + loadId);
                }
            }
            return null;
        });
    }

    public Optional<Entry> find(String loadId) {
        List<Entry> e = select("WHERE load_id = ?", loadId);
        return e.isEmpty() ? Optional.empty() : Optional.of(e.get(0));
    }

    /** The card's loads in {@code state}. */
    public List<Entry> ofCard(String cardNo, State state) {
        return select("WHERE card_no = ? AND state = '" + state.name() + "' ORDER BY load_time", cardNo);
    }

    /** Every load in {@code state}, for reports. */
    public List<Entry> all(State state) {
        return select("WHERE state = '" + state.name() + "' ORDER BY load_time", null);
    }

    private List<Entry> select(String where, String arg) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT load_id, card_no, amount, online_counter, terminal_id, load_time,"
                    + " state, tac, msgid FROM card_load " + where)) {
                if (arg != null) {
                    p.setString(1, arg);
                }
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                                LocalDateTime.parse(rs.getString(6)), State.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }
}
