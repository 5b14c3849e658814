package org.medcard.terminal.registration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.medcard.terminal.store.TerminalDb;

/**
 * The visits this desk registered, in {@code terminal.db}: which card each {@code mdtrt_id} belongs to. 2206
 * does not say which card a visit is for, and paying a visit with another card would debit that card for a
 * settle the center then rejects; the book lets the desk refuse before any debit. Built by the composition root and
 * handed to {@link RegistrationDesk}; only the desk reads and writes it.
 */
public final class VisitBook {

    /**
     * REGISTERED: nothing paid yet. SETTLED: paid at least once (the fee, a batch of items) and still taking batches
     * on its day. CASH: paid in cash during a fault (R11 case 2) with its fee, so the center cannot be asked to settle
     * it any more; its further batches that day are cash entries too. CLOSED: by the clerk or the day's end.
     */
    enum Status {
        REGISTERED, SETTLED, CASH, CLOSED, CANCELLED;

        /** Whether the visit still takes payments (on its day). */
        boolean open() {
            return this == REGISTERED || this == SETTLED || this == CASH;
        }
    }

    /** @param registeredOn the day the visit takes payments; its end closes the visit */
    record Visit(String mdtrtId, String cardNo, String deptCode, String doctorCode, long regFeeFen, Status status,
                 LocalDate registeredOn) {
    }

    private final TerminalDb db;
    private final Clock clock;

    /** Opens the book in {@code db} (creating its table); {@code clock} dates the visits and says which day it is. */
    public VisitBook(TerminalDb db, Clock clock) {
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

    /** Today, on the book's clock: a visit takes payments on the day it was registered. */
    LocalDate today() {
        return LocalDate.now(clock);
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

    /** A visit registered during a fault: no center visit exists, the fee was paid in cash (entry {@code mdtrtId}'s). */
    void registeredInCash(String localId, String deptCode, String doctorCode, long regFeeFen) {
        registered(localId, "", deptCode, doctorCode, regFeeFen);
        setStatus(localId, Status.CASH);
    }

    /**
     * Closes every visit still open from before {@code day} (and of {@code day} itself when {@code inclusive}): the day
     * close ends the day's visits. Returns how many were closed.
     */
    int closeDay(LocalDate day, boolean inclusive) {
        String bound = (inclusive ? day.plusDays(1) : day).toString();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE registration_visit SET status = 'CLOSED'"
                    + " WHERE status IN ('REGISTERED', 'SETTLED', 'CASH') AND registered_at < ?")) {
                p.setString(1, bound);
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
            try (PreparedStatement p = c.prepareStatement("SELECT mdtrt_id, card_no, dept_code, doctor_code, reg_fee, status,"
                    + " registered_at FROM registration_visit WHERE mdtrt_id = ?")) {
                p.setString(1, mdtrtId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new Visit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), Status.valueOf(rs.getString(6)), LocalDate.parse(rs.getString(7).substring(0, 10))))
                            : Optional.<Visit>empty();
                }
            }
        });
    }
}
