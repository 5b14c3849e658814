package org.medcard.terminal.operator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.medcard.terminal.security.TerminalKey;
import org.medcard.terminal.store.TerminalDb;

/**
 * Who did what, when: appended in the same transaction as the change it describes, never edited or deleted.
 *
 * <p>Tamper-evident like the queue's journal: each row carries an HMAC-SHA256 (keyed from {@code terminal.key},
 * which never leaves the data folder) over the previous row's HMAC and its own columns, and a keyed seal row
 * names the last row. {@link #verify()} finds an edited row (its HMAC no longer matches), a deleted row (a gap
 * in the ids, or the next row's HMAC no longer chains), a row added by hand (no valid HMAC), and the newest rows
 * deleted (the seal names a row that is gone). What it cannot find: the whole file replaced by an older copy of
 * itself, or a change by someone who also holds {@code terminal.key} (docs/security.md).
 */
public final class AuditLog {
    static final String GENESIS = "MEDCARD-AUDIT-CHAIN-V1";

    /** One audit line. */
    public record Entry(long id, String at, String operator, String action, String detail) {
    }

    /**
     * What {@link #verify()} found.
     *
     * @param rows        rows checked
     * @param beforeChain rows written before this version sealed the log (not verifiable, never counted as tampered)
     * @param findings    each problem, naming the row; empty when the log is intact
     * @param failedRows  the ids of the rows whose HMAC does not verify (changed, added, or after a deleted row)
     */
    public record Verification(int rows, int beforeChain, List<String> findings, java.util.Set<Long> failedRows) {
        public Verification {
            findings = List.copyOf(findings);
            failedRows = java.util.Set.copyOf(failedRows);
        }

        public Verification(int rows, int beforeChain, List<String> findings) {
            this(rows, beforeChain, findings, java.util.Set.of());
        }

        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private final TerminalDb db;
    private final Clock clock;
    private final SecretKeySpec key;

    /** The log in {@code db}, keyed from the {@code terminal.key} next to it (created on first use). */
    public AuditLog(TerminalDb db, Clock clock) {
        this(db, clock, TerminalKey.loadOrCreate(db.file().toAbsolutePath().resolveSibling("terminal.key")));
    }

    public AuditLog(TerminalDb db, Clock clock, byte[] terminalKey) {
        this.db = db;
        this.clock = clock;
        this.key = new SecretKeySpec(TerminalKey.derive(terminalKey, "medcard audit log v1"), "HmacSHA256");
    }

    /** Records an action on its own. */
    public void record(String operator, String action, String detail) {
        db.inTransaction(c -> {
            record(c, operator, action, detail);
            return null;
        });
    }

    /** Records an action inside the caller's transaction: the row, its chained HMAC and the seal commit together. */
    void record(Connection c, String operator, String action, String detail) throws SQLException {
        String previous = lastMac(c);
        String at = clock.instant().toString();
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit (at, operator, action, detail) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, at);
            p.setString(2, operator);
            p.setString(3, action);
            p.setString(4, detail);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        String mac = rowMac(previous, id, at, operator, action, detail);
        try (PreparedStatement p = c.prepareStatement("UPDATE audit SET mac = ? WHERE id = ?")) {
            p.setString(1, mac);
            p.setLong(2, id);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO audit_seal (id, last_id, last_mac, mac) VALUES (1, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setString(2, mac);
            p.setString(3, sealMac(id, mac));
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

    /** Every entry of one {@code action}, oldest first. */
    public List<Entry> entries(String action) {
        return db.inTransaction(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, at, operator, action, detail FROM audit WHERE action = ? ORDER BY id")) {
                p.setString(1, action);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Re-computes the chain and the seal; see the class comment for what is and is not found. */
    public Verification verify() {
        return db.inTransaction(c -> {
            List<String> findings = new ArrayList<>();
            java.util.Set<Long> failed = new java.util.HashSet<>();
            int rows = 0;
            int before = 0;
            String previous = null; // null until the first sealed row
            long lastId = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, at, operator, action, detail, mac FROM audit ORDER BY id")) {
                while (rs.next()) {
                    rows++;
                    long id = rs.getLong(1);
                    String mac = rs.getString(6);
                    if (previous == null && mac == null) {
                        before++;
                        lastId = id;
                        continue;
                    }
                    if (previous != null && id != lastId + 1) {
                        findings.add("audit rows " + (lastId + 1) + (id - 1 > lastId + 1 ? "–" + (id - 1) : "") + " are missing (deleted)");
                    }
                    String chainFrom = previous == null ? GENESIS : previous;
                    String expected = rowMac(chainFrom, id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (mac == null || !equal(mac, expected)) {
                        findings.add("audit row " + id + " (" + rs.getString(4) + ") was changed, added by hand, or follows a deleted row");
                        failed.add(id);
                    }
                    previous = mac == null ? expected : mac;
                    lastId = id;
                }
            }
            checkSeal(c, rows - before, previous, lastId, findings);
            return new Verification(rows, before, findings, failed);
        });
    }

    private void checkSeal(Connection c, int sealedRows, String lastMac, long lastId, List<String> findings) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_id, last_mac, mac FROM audit_seal WHERE id = 1")) {
            if (!rs.next()) {
                if (sealedRows > 0) {
                    findings.add("the audit seal is missing (deleted)");
                }
                return;
            }
            long sealId = rs.getLong(1);
            String sealLast = rs.getString(2);
            if (!equal(rs.getString(3), sealMac(sealId, sealLast))) {
                findings.add("the audit seal was changed");
            } else if (sealId != lastId || lastMac == null || !equal(sealLast, lastMac)) {
                findings.add("the audit log ends at row " + lastId + " but was sealed at row " + sealId
                        + (sealId > lastId ? ": the newest rows were deleted" : ": rows were added or replaced by hand"));
            }
        }
    }

    private String lastMac(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT mac FROM audit ORDER BY id DESC LIMIT 1")) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : GENESIS;
        }
    }

    private String rowMac(String previous, long id, String at, String operator, String action, String detail) {
        return hmac("row", previous, Long.toString(id), at, operator, action, detail);
    }

    private String sealMac(long lastId, String lastMac) {
        return hmac("seal", Long.toString(lastId), lastMac);
    }

    /** Length-prefixed fields, so no two different rows share a canonical form. */
    private String hmac(String... fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String f : fields) {
                byte[] b = (f == null ? "\u0000" : f).getBytes(StandardCharsets.UTF_8);
                mac.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) ':');
                mac.update(b);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean equal(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
