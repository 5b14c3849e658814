package org.medcard.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the tamper evidence: the journal's HMAC chain (every line, no gaps, head matching the last line),
 * the head's own MAC, every state row's MAC (bound to the journal line that last changed it), and that every
 * row the journal created still exists at its latest version. A row edited, deleted, rolled back to an
 * earlier version, or a journal line removed outside the program, each yields a finding naming it.
 *
 * <p>After a mismatch the check goes on from the stored HMAC, so one edit gives one finding, not a cascade.
 *
 * <p>It runs at every open, over every line the file ever had (issue 17: 240 000 lines after 60 000 offline sales),
 * so lines and rows are read into a reused array and MACed by a {@link RowMac.Check} rather than as a row map each;
 * the values, the canonical bytes and so the findings are those of the row maps ({@code ChainVerifierEquivalenceTest}
 * keeps the check as it was and compares the two).
 */
final class ChainVerifier {
    static final List<String> STATE_TABLES = List.of("outbox", "offline_debit", "resettlement");
    private static final Map<String, String> KEYS = Map.of("outbox", "msgid", "offline_debit", "sale_id",
            "resettlement", "entry_no");

    private final RowMac mac;

    ChainVerifier(RowMac mac) {
        this.mac = mac;
    }

    /** A state row that exists but whose MAC or version does not verify: {@code table}, key column, key. */
    record SuspectRow(String table, String keyColumn, String key) {
    }

    List<String> verify(Connection c) throws SQLException {
        return verify(c, new ArrayList<>());
    }

    List<String> verify(Connection c, List<SuspectRow> suspects) throws SQLException {
        List<String> findings = new ArrayList<>();
        long[] last = new long[1];
        String lastHmac = verifyJournal(c, findings, last);
        verifyHead(c, findings, last[0], lastHmac);
        for (String table : STATE_TABLES) {
            if (tableExists(c, table)) {
                verifyRows(c, table, findings, suspects);
            }
        }
        return findings;
    }

    private String verifyJournal(Connection c, List<String> findings, long[] lastSeq) throws SQLException {
        String prev = RowMac.GENESIS;
        long expected = 1;
        // Every line is read into one reused array and MACed by one reused Check in an order worked out once: the same
        // values and canonical bytes as a row map per line, without its map, sort and formatting (issue 17, verify17).
        RowMac.Check check = mac.check();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM journal ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            RowMac.Layout layout = RowMac.Layout.of(rs.getMetaData(), Set.of());
            int seqColumn = layout.column("seq");
            int hmacColumn = layout.column("hmac");
            Object[] row = new Object[rs.getMetaData().getColumnCount() + 1];
            while (rs.next()) {
                SqliteStore.rowValues(rs, row);
                long seq = (Long) row[seqColumn];
                if (seq != expected) {
                    findings.add("journal lines " + expected + ".." + (seq - 1) + " are missing (deleted)");
                }
                String stored = (String) row[hmacColumn];
                if (!check.chainMatches(prev, row, layout, stored)) {
                    findings.add("journal line " + seq + " does not match its HMAC (edited, or the line before it was removed)");
                }
                prev = stored;
                expected = seq + 1;
            }
        }
        lastSeq[0] = expected - 1;
        return prev;
    }

    private void verifyHead(Connection c, List<String> findings, long lastSeq, String lastHmac) throws SQLException {
        List<Map<String, Object>> rows = SqliteStore.query(c, "SELECT * FROM chain_head WHERE id = 1");
        if (rows.isEmpty()) {
            if (lastSeq > 0) {
                findings.add("chain head is missing (deleted)");
            }
            return;
        }
        Map<String, Object> head = rows.get(0);
        if (!mac.head(head).equals(head.get("mac"))) {
            findings.add("chain head does not match its HMAC (edited)");
        }
        if ((Long) head.get("last_seq") != lastSeq || !lastHmac.equals(head.get("last_hmac"))) {
            findings.add("chain head names journal line " + head.get("last_seq") + " but the journal ends at line "
                    + lastSeq + " (lines at the end deleted or added)");
        }
    }

    private void verifyRows(Connection c, String table, List<String> findings, List<SuspectRow> suspects)
            throws SQLException {
        String key = KEYS.get(table);
        // Each row's latest line, looked up and removed once per row in a HashMap; what is left (rows the journal
        // created that are gone) is reported in key order, as the TreeMap this was gave it (issue 17, verify17).
        Map<String, Long> latest = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, MAX(seq) AS s FROM journal"
                + " WHERE entity = ? GROUP BY entity_id")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = (String) rs.getObject(1);
                    if (id != null) { // a row line without its key was edited: the chain check reports that line
                        latest.put(id, rs.getLong(2));
                    }
                }
            }
        }
        RowMac.Check check = mac.check();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.*, j.hmac AS event_hmac, j.entity AS event_entity,"
                + " j.entity_id AS event_key FROM " + table + " t LEFT JOIN journal j ON j.seq = t.event_seq");
             ResultSet rs = ps.executeQuery()) {
            // the joined line's columns are not the row's: its MAC covers the row's own columns only
            RowMac.Layout layout = RowMac.Layout.of(rs.getMetaData(), Set.of("event_hmac", "event_entity", "event_key"));
            int keyColumn = layout.column(key);
            int eventHmacColumn = layout.column("event_hmac");
            int eventEntityColumn = layout.column("event_entity");
            int eventKeyColumn = layout.column("event_key");
            int eventSeqColumn = layout.column("event_seq");
            int macColumn = layout.column("mac");
            Object[] row = new Object[rs.getMetaData().getColumnCount() + 1];
            while (rs.next()) {
                SqliteStore.rowValues(rs, row);
                String id = String.valueOf(row[keyColumn]);
                String eventHmac = (String) row[eventHmacColumn];
                Object eventEntity = row[eventEntityColumn];
                Object eventKey = row[eventKeyColumn];
                Long expectedSeq = latest.remove(id);
                String finding = null;
                if (eventHmac == null || !table.equals(eventEntity) || !id.equals(eventKey)) {
                    finding = table + " " + id + " points to a journal line that is not its own";
                } else if (!check.rowMatches(table, row, layout, eventHmac, row[macColumn])) {
                    finding = table + " " + id + " does not match its HMAC (edited)";
                } else if (expectedSeq == null || !expectedSeq.equals(row[eventSeqColumn])) {
                    finding = table + " " + id + " is not at its latest journalled version (rolled back or inserted)";
                }
                if (finding != null) {
                    findings.add(finding);
                    suspects.add(new SuspectRow(table, key, id));
                }
            }
        }
        for (String missing : new TreeSet<>(latest.keySet())) {
            findings.add(table + " " + missing + " is in the journal but its row is missing (deleted)");
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        return !SqliteStore.query(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", table).isEmpty();
    }
}
