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
 * Schema v7 (issue 17) made journal_entity partial and dropped offline_debit_card_day, to write fewer pages per
 * durable commit. The queries those indexes served still find their rows through an index, never by reading the
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
            // a sale's card answer (SaleJournal): journal_sale, unchanged
            assertEquals(List.of("SEARCH journal USING INDEX journal_sale (sale_id=?)"),
                    plan(c, "SELECT * FROM journal WHERE sale_id = ? AND kind IN ('CARD_DEBITED','CARD_NOT_DEBITED')"
                            + " ORDER BY seq LIMIT 1"));
            // R11 terminal total (Limits): the covering state index, unchanged
            assertEquals(List.of("SEARCH offline_debit USING COVERING INDEX offline_debit_state (state=?)"),
                    plan(c, "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM offline_debit"
                            + " WHERE state IN ('QUEUED','BATCHED')"));
        }
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
