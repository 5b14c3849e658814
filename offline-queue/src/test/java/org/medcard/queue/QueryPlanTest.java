package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema v7 (issue 17) made journal_entity partial and dropped offline_debit_card_day, and v8 took an offline debit
 * row's lines out of journal_sale, to write fewer pages per durable commit. The queries those indexes served still find their rows through an index, never by reading the
 * whole table: each plan here is SQLite's own answer (EXPLAIN QUERY PLAN, the driver's SQLite), for the SQL as the
 * queue runs it.
 */
class QueryPlanTest {
    @TempDir
    Path dir;

    @Test
    void theQueriesTheChangedIndexesServedStillSearchAnIndex() throws Exception {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, MutableClock.shanghai("2026-12-07T02:00:00Z"))) {
            for (int i = 1; i <= 20; i++) {
                offlineDebit(q, i % 3, i, 100);
            }
        }
        try (Connection c = QueueFixtures.raw(file)) {
            // R11 per card per day (Limits): was offline_debit_card_day
            assertEquals(List.of("SEARCH offline_debit USING INDEX sqlite_autoindex_offline_debit_2 (card_no=?)"),
                    plan(c, "SELECT COALESCE(SUM(amount), 0) AS s FROM offline_debit WHERE card_no = ?"
                            + " AND tx_date = ? AND state <> 'REJECTED'"));
            // the chain check's latest line per row (ChainVerifier): the partial journal_entity
            assertEquals(List.of("SEARCH journal USING COVERING INDEX journal_entity (entity=?)"),
                    plan(c, "SELECT entity_id, MAX(seq) AS s FROM journal WHERE entity = ? GROUP BY entity_id"));
            // per-card order before a message is sent (Outbox): both subqueries through journal_entity
            assertEquals(List.of("SEARCH d USING INDEX sqlite_autoindex_offline_debit_2 (card_no=?)",
                            "CORRELATED SCALAR SUBQUERY 1",
                            "SEARCH journal USING COVERING INDEX journal_entity (entity=? AND entity_id=?)",
                            "SCALAR SUBQUERY 2",
                            "SEARCH journal USING COVERING INDEX journal_entity (entity=? AND entity_id=?)"),
                    plan(c, "SELECT 1 FROM offline_debit d WHERE d.card_no = ? AND d.state = 'QUEUED' AND (SELECT MIN(seq)"
                            + " FROM journal WHERE entity = 'offline_debit' AND entity_id = d.sale_id) < (SELECT MIN(seq)"
                            + " FROM journal WHERE entity = 'outbox' AND entity_id = ?) LIMIT 1"));
            // v8: a sale's lines (SaleJournal.SALE_LINES) through the partial journal_sale and, for its offline debit
            // row's lines, journal_entity; for the card answer, the journal's unfinished and unresolved sales
            // (the supervisor's and the status bar's counts), the intent and the sale's journal
            List<String> bothHalves = List.of("SEARCH journal USING INDEX journal_sale (sale_id=?)",
                    "SEARCH journal USING INDEX journal_entity (entity=? AND entity_id=?)");
            assertEquals(bothHalves, searches(plan(c, "SELECT * FROM (" + SaleJournal.SALE_LINES + ") WHERE kind IN"
                    + " ('CARD_DEBITED','CARD_NOT_DEBITED') ORDER BY seq LIMIT 1")));
            assertEquals(bothHalves, searches(plan(c, SaleJournal.SALE_LINES + " ORDER BY seq")));
            // the unfinished sales (UnfinishedSales, issue 17): the lines after the last ask and the open intents it
            // found, each by the journal's own key; never the whole journal
            assertEquals(List.of("SEARCH i USING INTEGER PRIMARY KEY (rowid>?)",
                            "SEARCH a USING INDEX journal_sale (sale_id=?)",
                            "SEARCH a USING INDEX journal_entity (entity=? AND entity_id=?)"),
                    searches(plan(c, UnfinishedSales.AFTER)));
            assertEquals(List.of("SEARCH i USING INTEGER PRIMARY KEY (rowid=?)",
                            "SEARCH a USING INDEX journal_sale (sale_id=?)",
                            "SEARCH a USING INDEX journal_entity (entity=? AND entity_id=?)"),
                    searches(plan(c, UnfinishedSales.AT)));
            assertEquals(List.of("SCAN u", "SEARCH a USING INDEX journal_sale (sale_id=?)",
                            "SEARCH a USING INDEX journal_entity (entity=? AND entity_id=?)"),
                    searches(plan(c, "SELECT * FROM journal u WHERE " + SaleJournal.UNRESOLVED + " ORDER BY u.seq")));
            assertEquals(List.of("SEARCH journal USING INDEX journal_sale (sale_id=?)"), plan(c, "SELECT * FROM journal"
                    + " WHERE sale_id = ? AND entity IS NOT 'offline_debit' AND kind = 'SALE_INTENT'"));
            // R11 terminal total (Limits): the covering state index, unchanged
            assertEquals(List.of("SEARCH offline_debit USING COVERING INDEX offline_debit_state (state=?)"),
                    plan(c, "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM offline_debit"
                            + " WHERE state IN ('QUEUED','BATCHED')"));
        }
    }

    /** The plan's table accesses (SCAN, SEARCH), without its subquery and compound headings. */
    private static List<String> searches(List<String> plan) {
        return plan.stream().filter(l -> l.startsWith("SCAN") || l.startsWith("SEARCH")).toList();
    }

    private static List<String> plan(Connection c, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString("detail"));
            }
        }
        return lines;
    }
}
