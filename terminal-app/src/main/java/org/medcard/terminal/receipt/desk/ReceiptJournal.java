package org.medcard.terminal.receipt.desk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.VoidReceipt;
import org.medcard.terminal.store.TerminalDb;

/**
 * The receipts issued by this terminal, in {@code terminal.db}'s {@code receipts} table: each document record
 * as JSON, with the columns a clerk searches by (time, kind, {@code setl_id}, entry number).
 *
 * <p>Durability: a receipt is written here (one INSERT, committed with {@code synchronous=FULL} under WAL)
 * before it is rendered or printed, so every receipt that ever reached paper or a file can be reprinted. The
 * money itself is recorded earlier, in the offline queue's journal ({@code queue.db}), by the sale, void or
 * re-settlement; the two files cannot share a transaction. A crash in the few milliseconds between the
 * queue's commit and this insert leaves an outcome without a receipt row: nothing was printed yet, the money
 * is safe in the queue, and the cashier sees no receipt and reprints nothing — a missing receipt, never a
 * wrong one. The rows hold the full ID and card numbers (the journal needs them for a faithful reprint, as
 * the queue does); the file is owner-only, and every document masks them on paper.
 */
public final class ReceiptJournal {

    /**
     * One journalled receipt.
     *
     * @param id the receipt number ({@code medcard receipt reprint ID})
     * @param at the document's time
     * @param cardMasked the card number masked, or {@code null}
     * @param totalFen the amount the receipt is about, or {@code null} for reports
     * @param reprints how often it was reprinted
     */
    public record Entry(long id, LocalDateTime at, String kind, String operator, String setlId, String entryNo,
                        Long totalFen, String cardMasked, boolean training, int reprints) {
    }

    private final TerminalDb db;
    private final DocumentCodec codec = new DocumentCodec();

    public ReceiptJournal(TerminalDb db) {
        this.db = db;
    }

    /** Records {@code document}; returns its receipt number. */
    public long record(ReceiptDocument document) {
        String json = codec.toJson(document);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipts (at, kind, operator, setl_id, entry_no, total_fen,"
                    + " card_masked, training, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, document.header().time().toString());
                ps.setString(2, DocumentCodec.kind(document));
                ps.setString(3, document.header().operator());
                ps.setString(4, setlId(document));
                ps.setString(5, entryNo(document));
                Long total = total(document);
                if (total == null) {
                    ps.setNull(6, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(6, total);
                }
                ps.setString(7, cardMasked(document));
                ps.setInt(8, document.header().trainingMode() ? 1 : 0);
                ps.setString(9, json);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The receipts of one day (by the document's time), oldest first. */
    public List<Entry> list(LocalDate day) {
        return entries(Optional.of(Objects.requireNonNull(day, "day")));
    }

    /** Every receipt of every day, oldest first. */
    public List<Entry> listAll() {
        return entries(Optional.empty());
    }

    private List<Entry> entries(Optional<LocalDate> day) {
        return db.inTransaction(c -> {
            String sql = "SELECT id, at, kind, operator, setl_id, entry_no, total_fen, card_masked, training, reprints FROM receipts"
                    + (day.isEmpty() ? "" : " WHERE at >= ? AND at < ?") + " ORDER BY id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (day.isPresent()) {
                    ps.setString(1, day.get().atStartOfDay().toString());
                    ps.setString(2, day.get().plusDays(1).atStartOfDay().toString());
                }
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long total = rs.getLong(7);
                        Long totalFen = rs.wasNull() ? null : total;
                        out.add(new Entry(rs.getLong(1), LocalDateTime.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), totalFen, rs.getString(8), rs.getInt(9) == 1, rs.getInt(10)));
                    }
                }
                return out;
            }
        });
    }

    /** The document of receipt {@code id}. */
    public Optional<ReceiptDocument> document(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, document FROM receipts WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(codec.fromJson(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** The latest receipt of kind {@code kind} about settlement {@code setlId} (the sale a void cancels). */
    public Optional<ReceiptDocument> bySetlId(String setlId) {
        return latest("setl_id", setlId);
    }

    /** The latest receipt about re-settlement entry {@code entryNo} (the cash receipt a re-settlement follows). */
    public Optional<ReceiptDocument> byEntryNo(String entryNo) {
        return latest("entry_no", entryNo);
    }

    /** Counts a reprint of receipt {@code id}; returns how many there have been, or 0 when no such receipt. */
    public int countReprint(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE receipts SET reprints = reprints + 1 WHERE id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT reprints FROM receipts WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private Optional<ReceiptDocument> latest(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return db.inTransaction(c -> {
            // Only the original outcome's receipt, not a void or re-settlement that names the same number.
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, document FROM receipts WHERE " + column
                    + " = ? AND kind IN ('sale-receipt', 'registration-slip', 'cash-receipt') ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(codec.fromJson(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            } catch (RuntimeException e) {
                throw new SQLException("receipt with " + column + " " + value + ": " + e.getMessage(), e);
            }
        });
    }

    static String setlId(ReceiptDocument d) {
        if (d instanceof SaleReceipt s) {
            return s.setlId();
        } else if (d instanceof RegistrationSlip r) {
            return r.setlId();
        } else if (d instanceof ResettlementReceipt r) {
            return r.setlId();
        } else if (d instanceof VoidReceipt v) {
            return v.originalSetlId();
        }
        return null;
    }

    static String entryNo(ReceiptDocument d) {
        if (d instanceof CashReceipt c) {
            return c.entryNo();
        } else if (d instanceof ResettlementReceipt r) {
            return r.entryNo();
        }
        return null;
    }

    static Long total(ReceiptDocument d) {
        if (d instanceof SaleReceipt s) {
            return s.split().total();
        } else if (d instanceof RegistrationSlip r) {
            return r.split().total();
        } else if (d instanceof CashReceipt c) {
            return c.cashPaid();
        } else if (d instanceof ResettlementReceipt r) {
            return r.split().total();
        } else if (d instanceof VoidReceipt v) {
            return v.originalSplit().total();
        }
        return null;
    }

    static String cardMasked(ReceiptDocument d) {
        if (d instanceof SaleReceipt s) {
            return s.insured().maskedCardNo();
        } else if (d instanceof RegistrationSlip r) {
            return r.insured().maskedCardNo();
        } else if (d instanceof CashReceipt c) {
            return c.insured().maskedCardNo();
        } else if (d instanceof ResettlementReceipt r) {
            return r.insured().maskedCardNo();
        } else if (d instanceof VoidReceipt v) {
            return v.insured().maskedCardNo();
        }
        return null;
    }
}
