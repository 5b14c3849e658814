package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain check reads rows without a row map (issue 17, verify17). What that relies on, pinned: the MACs it
 * computes from a row's values are the very ones {@link RowMac} computes from {@link SqliteStore#rowMap} (the stored
 * format: existing files must verify as before), and a file changed outside the program gives the same findings as
 * the check as it was before ({@link Reference}, kept here verbatim).
 */
class ChainVerifierEquivalenceTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units: the canonical form counts units

    @TempDir
    Path dir;
    Path file;
    final RowMac mac = new RowMac(QueueFixtures.key());

    @BeforeEach
    void aQueueWithSomeOfEverything() {
        file = dir.resolve("q.db");
        MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 2500);
            offlineDebit(q, 2, 1, 3000);
            offlineDebit(q, 3, 1, 4100);
            q.queueMessage("8502", card(1), "{\"load_id\":\"L1\",\"note\":\"中文 " + EMOJI + "\"}");
            q.recordCashPayment(new ResettlementRequest(Fault.PSAM_FAILURE, QueueFixtures.PATIENT, "收银员 王",
                    "[{\"code\":\"A001\",\"name\":\"阿莫西林\",\"qty\":1,\"price\":900}]", 900, 900));
        }
    }

    @Test
    void chainMacFromValues_isRowMacChainOverTheRowMap() throws SQLException {
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            // lines no program writes, with every kind of value the canonical form must render as before
            st.executeUpdate("INSERT INTO journal (seq, at, kind, entity, entity_id, sale_id, payload, hmac) VALUES"
                    + " (1001, '', 'K', NULL, '', '中文', '{\"名\":\"张三 " + EMOJI + "\"}', 'x'),"
                    + " (1002, '2026-11-23T10:15:02.000', '', 'offline_debit', 42, NULL, '', 'x'),"
                    + " (1003, 'at', 'kind', '', '中', '', '" + "长".repeat(3000) + "', '')");
            String prev = RowMac.GENESIS;
            int lines = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM journal ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                RowMac.Layout layout = RowMac.Layout.of(rs.getMetaData(), Set.of());
                Object[] values = new Object[rs.getMetaData().getColumnCount() + 1];
                RowMac.Check check = mac.check();
                while (rs.next()) {
                    Map<String, Object> row = SqliteStore.rowMap(rs);
                    SqliteStore.rowValues(rs, values);
                    String expected = mac.chain(prev, row);
                    assertTrue(check.chainMatches(prev, values, layout, expected), row.toString());
                    assertFalse(check.chainMatches(prev, values, layout, expected.toUpperCase()), "compared as text");
                    assertFalse(check.chainMatches(prev + "0", values, layout, expected), "the link is covered");
                    assertFalse(check.chainMatches(prev, values, layout, null), "no MAC matches nothing");
                    prev = (String) row.get("hmac");
                    lines++;
                }
            }
            assertEquals(SqliteStore.query(c, "SELECT seq FROM journal").size(), lines);
            assertTrue(lines >= 13, "the queue's own lines and the three above: " + lines);
        }
    }

    @Test
    void rowMacFromValues_isRowMacRowOverTheRowMap_forIntegersRealsTextAndNulls() throws SQLException {
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            // no declared types: SQLite keeps what is stored (integer, real, text); the row map reads numbers as Long
            st.executeUpdate("CREATE TABLE loose (id INTEGER PRIMARY KEY, b, a, zz, c, mac, event_hmac)");
            st.executeUpdate("INSERT INTO loose (b, a, zz, c, mac, event_hmac) VALUES"
                    + " (1099511627776, -7, 2.75, '中文 " + EMOJI + "', 'm', 'e'),"
                    + " ('', NULL, 0, '', NULL, NULL),"
                    + " (NULL, NULL, NULL, NULL, NULL, NULL)");
            // a label twice (the later column's value, as in the map) and a joined column the MAC does not cover
            String sql = "SELECT t.*, t.zz AS b, 'x' AS event_hmac FROM loose t ORDER BY id";
            List<Map<String, Object>> rows = SqliteStore.query(c, sql);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                RowMac.Layout layout = RowMac.Layout.of(rs.getMetaData(), Set.of("event_hmac"));
                assertEquals(8, layout.column("b"), "the last column of a label");
                Object[] values = new Object[rs.getMetaData().getColumnCount() + 1];
                RowMac.Check check = mac.check();
                for (Map<String, Object> row : rows) {
                    assertTrue(rs.next());
                    SqliteStore.rowValues(rs, values);
                    row.remove("event_hmac");
                    String expected = mac.row("loose", row, "link");
                    assertTrue(check.rowMatches("loose", values, layout, "link", expected), row.toString());
                    assertFalse(check.rowMatches("other", values, layout, "link", expected), "the table is covered");
                }
                assertFalse(rs.next());
            }
            assertEquals(2L, rows.get(0).get("b"), "zz's 2.75, read as a number as the stored MACs were made");
        }
    }

    static Stream<Arguments> changesOutsideTheProgram() {
        return Stream.of(
                Arguments.of("nothing", true, new String[0]),
                Arguments.of("one byte of a payload", false, new String[] {"UPDATE journal SET payload ="
                        + " replace(payload, '\"amount\":2500', '\"amount\":2501') WHERE kind = 'CARD_DEBITED'"}),
                Arguments.of("one Chinese character of a message", false, new String[] {
                        "UPDATE outbox SET input = replace(input, '中文', '中方')"}),
                Arguments.of("one Chinese character of an entry", false, new String[] {
                        "UPDATE resettlement SET cashier = replace(cashier, '王', '汪')"}),
                Arguments.of("a number column of a row", false, new String[] {
                        "UPDATE offline_debit SET amount = amount + 1 WHERE id = 2"}),
                Arguments.of("a line's seq", false, new String[] {"UPDATE journal SET seq = seq + 100"
                        + " WHERE seq = (SELECT MAX(seq) FROM journal)"}),
                Arguments.of("a column NULLed", false, new String[] {
                        "UPDATE outbox SET card_key = NULL WHERE card_key IS NOT NULL",
                        "UPDATE journal SET sale_id = NULL WHERE kind = 'CARD_DEBITED' AND seq = (SELECT MAX(seq)"
                                + " FROM journal WHERE kind = 'CARD_DEBITED')"}),
                Arguments.of("an empty string for a NULL", false, new String[] {
                        "UPDATE resettlement SET reason = '' WHERE reason IS NULL"}),
                // not seen, before as now: the canonical form reads a number as a whole one, as the program does
                Arguments.of("a fraction in an integer column", true, new String[] {
                        "UPDATE offline_debit SET amount = amount + 0.25 WHERE id = 1"}),
                Arguments.of("a payload stored as a blob", false, new String[] {
                        "UPDATE journal SET payload = CAST(payload AS BLOB) WHERE seq = 2"}),
                Arguments.of("a row's event_seq as text", false, new String[] {
                        "UPDATE offline_debit SET event_seq = 'x' WHERE id = 3"}),
                Arguments.of("a row inserted", false, new String[] {"INSERT INTO offline_debit (sale_id, card_no,"
                        + " offline_counter, amount, tx_date, record, state, created_at, event_seq, mac, center)"
                        + " SELECT sale_id || 'X', card_no, offline_counter + 100, amount, tx_date, record, state,"
                        + " created_at, event_seq, mac, center FROM offline_debit WHERE id = 1"}),
                Arguments.of("rows deleted", false, new String[] {"DELETE FROM offline_debit WHERE id IN (3, 1)"}),
                Arguments.of("a line removed", false, new String[] {"DELETE FROM journal WHERE seq = 3"}),
                Arguments.of("lines cut from the end", false, new String[] {
                        "DELETE FROM journal WHERE seq > (SELECT MAX(seq) - 2 FROM journal)"}),
                Arguments.of("the head edited", false, new String[] {"UPDATE chain_head SET msg_seq = msg_seq + 1"}),
                Arguments.of("the head deleted", false, new String[] {"DELETE FROM chain_head"}),
                Arguments.of("a column added to the journal and set", false, new String[] {
                        "ALTER TABLE journal ADD COLUMN note TEXT", "UPDATE journal SET note = '' WHERE seq = 2"}),
                Arguments.of("a column added to a row and set", false, new String[] {
                        "ALTER TABLE offline_debit ADD COLUMN note TEXT", "UPDATE offline_debit SET note = '中' WHERE id = 2"}),
                Arguments.of("a nullable column added (as a migration does)", true, new String[] {
                        "ALTER TABLE outbox ADD COLUMN later TEXT", "ALTER TABLE journal ADD COLUMN later TEXT"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOutsideTheProgram")
    void sameFindingsAsBefore(String change, boolean clean, String[] sql) throws SQLException {
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER journal_no_update");
            st.executeUpdate("DROP TRIGGER journal_no_delete");
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
        try (Connection c = QueueFixtures.raw(file)) {
            List<ChainVerifier.SuspectRow> suspects = new ArrayList<>();
            List<String> findings = new ChainVerifier(mac).verify(c, suspects);
            List<ChainVerifier.SuspectRow> referenceSuspects = new ArrayList<>();
            List<String> referenceFindings = new Reference(mac).verify(c, referenceSuspects);
            assertEquals(referenceFindings, findings, change);
            assertEquals(referenceSuspects, suspects, change);
            assertEquals(clean, findings.isEmpty(), change + ": " + findings);
        }
    }

    @Test
    void rowsMissing_areReportedInKeyOrder() throws SQLException {
        List<String> saleIds = new ArrayList<>();
        try (Connection c = QueueFixtures.raw(file)) {
            SqliteStore.query(c, "SELECT sale_id FROM offline_debit ORDER BY id DESC")
                    .forEach(r -> saleIds.add((String) r.get("sale_id")));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM offline_debit");
            }
            List<String> findings = new ChainVerifier(mac).verify(c);
            assertEquals(saleIds.stream().sorted().map(id -> "offline_debit " + id
                    + " is in the journal but its row is missing (deleted)").toList(), findings);
        }
    }

    /** The chain check before verify17, verbatim: a row map per line, the MAC over the map. */
    static final class Reference {
        private static final Map<String, String> KEYS = Map.of("outbox", "msgid", "offline_debit", "sale_id",
                "resettlement", "entry_no");
        private final RowMac mac;

        Reference(RowMac mac) {
            this.mac = mac;
        }

        List<String> verify(Connection c, List<ChainVerifier.SuspectRow> suspects) throws SQLException {
            List<String> findings = new ArrayList<>();
            long[] last = new long[1];
            String lastHmac = verifyJournal(c, findings, last);
            verifyHead(c, findings, last[0], lastHmac);
            for (String table : ChainVerifier.STATE_TABLES) {
                if (ChainVerifier.tableExists(c, table)) {
                    verifyRows(c, table, findings, suspects);
                }
            }
            return findings;
        }

        private String verifyJournal(Connection c, List<String> findings, long[] lastSeq) throws SQLException {
            String prev = RowMac.GENESIS;
            long expected = 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM journal ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = SqliteStore.rowMap(rs);
                    long seq = (Long) row.get("seq");
                    if (seq != expected) {
                        findings.add("journal lines " + expected + ".." + (seq - 1) + " are missing (deleted)");
                    }
                    String stored = (String) row.get("hmac");
                    if (!mac.chain(prev, row).equals(stored)) {
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

        private void verifyRows(Connection c, String table, List<String> findings,
                                List<ChainVerifier.SuspectRow> suspects) throws SQLException {
            String key = KEYS.get(table);
            Map<String, Long> latest = new java.util.TreeMap<>();
            for (Map<String, Object> r : SqliteStore.query(c, "SELECT entity_id, MAX(seq) AS s FROM journal"
                    + " WHERE entity = ? GROUP BY entity_id", table)) {
                latest.put((String) r.get("entity_id"), (Long) r.get("s"));
            }
            for (Map<String, Object> row : SqliteStore.query(c, "SELECT t.*, j.hmac AS event_hmac, j.entity AS event_entity,"
                    + " j.entity_id AS event_key FROM " + table + " t LEFT JOIN journal j ON j.seq = t.event_seq")) {
                String id = String.valueOf(row.get(key));
                String eventHmac = (String) row.remove("event_hmac");
                Object eventEntity = row.remove("event_entity");
                Object eventKey = row.remove("event_key");
                Long expectedSeq = latest.remove(id);
                String finding = null;
                if (eventHmac == null || !table.equals(eventEntity) || !id.equals(eventKey)) {
                    finding = table + " " + id + " points to a journal line that is not its own";
                } else if (!mac.row(table, row, eventHmac).equals(row.get("mac"))) {
                    finding = table + " " + id + " does not match its HMAC (edited)";
                } else if (expectedSeq == null || !expectedSeq.equals(row.get("event_seq"))) {
                    finding = table + " " + id + " is not at its latest journalled version (rolled back or inserted)";
                }
                if (finding != null) {
                    findings.add(finding);
                    suspects.add(new ChainVerifier.SuspectRow(table, key, id));
                }
            }
            for (String missing : latest.keySet()) {
                findings.add(table + " " + missing + " is in the journal but its row is missing (deleted)");
            }
        }
    }
}
