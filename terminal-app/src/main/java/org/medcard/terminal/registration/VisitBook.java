package org.medcard.terminal.registration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.medcard.terminal.store.TerminalDb;

/**
 * The visits this desk registered, in {@code terminal.db}: which card each {@code mdtrt_id} belongs to. 2206
 * does not say which card a visit is for, and paying a visit with another card would debit that card for a
 * settle the center then rejects; the book lets the desk refuse before any debit.
 */
final class VisitBook {

    enum Status { REGISTERED, SETTLED, CANCELLED }

    record Visit(String mdtrtId, String cardNo, String deptCode, String doctorCode, long regFeeFen, Status status) {
    }

    private final TerminalDb db;
    private final Clock clock;

    VisitBook(TerminalDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS registration_visit(mdtrt_id TEXT PRIMARY KEY, card_no TEXT NOT NULL,"
                        + " dept_code TEXT NOT NULL, doctor_code TEXT NOT NULL, reg_fee INTEGER NOT NULL, registered_at TEXT NOT NULL,"
                        + " status TEXT NOT NULL)");
            }
            return null;
        });
    }

    void registered(String mdtrtId, String cardNo, String deptCode, String doctorCode, long regFeeFen) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO registration_visit VALUES (?,?,?,?,?,?,'REGISTERED')")) {
                p.setString(1, mdtrtId);
                p.setString(2, cardNo);
                p.setString(3, deptCode);
                p.setString(4, doctorCode);
                p.setLong(5, regFeeFen);
                p.setString(6, LocalDateTime.now(clock).toString());
                return p.executeUpdate();
            }
        });
    }

    void setStatus(String mdtrtId, Status status) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE registration_visit SET status = ? WHERE mdtrt_id = ?")) {
                p.setString(1, status.name());
                p.setString(2, mdtrtId);
                return p.executeUpdate();
            }
        });
    }

    Optional<Visit> visit(String mdtrtId) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT mdtrt_id, card_no, dept_code, doctor_code, reg_fee, status"
                    + " FROM registration_visit WHERE mdtrt_id = ?")) {
                p.setString(1, mdtrtId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new Visit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), Status.valueOf(rs.getString(6)))) : Optional.<Visit>empty();
                }
            }
        });
    }
}
