package org.medcard.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema migrations, one per {@code PRAGMA user_version}. Each step runs in the caller's transaction together
 * with the version bump, so a crash leaves the file at the old version or the new one, never between.
 * Steps only add columns, or change indexes: earlier rows keep their columns and values, hence their MACs (see
 * {@link RowMac}).
 */
final class Schema {
    static final int LATEST = 8;

    private static final List<List<String>> STEPS = List.of(
            // v1: chain head, journal, outbox
            List.of(
                    "CREATE TABLE chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL,"
                            + " last_hmac TEXT NOT NULL, terminal_seq INTEGER NOT NULL, msg_seq INTEGER NOT NULL,"
                            + " entry_seq INTEGER NOT NULL, mac TEXT NOT NULL)",
                    "CREATE TABLE journal (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,"
                            + " entity TEXT, entity_id TEXT, sale_id TEXT, payload TEXT NOT NULL, hmac TEXT NOT NULL)",
                    "CREATE INDEX journal_entity ON journal (entity, entity_id)",
                    "CREATE INDEX journal_sale ON journal (sale_id)",
                    // Defence in depth: the app never updates or deletes journal lines; the HMAC chain catches
                    // anyone who drops these triggers first.
                    "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
                            + " BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END",
                    "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
                            + " BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END",
                    "CREATE TABLE outbox (id INTEGER PRIMARY KEY, msgid TEXT NOT NULL UNIQUE, infno TEXT NOT NULL,"
                            + " card_key TEXT, sale_id TEXT, input TEXT NOT NULL,"
                            + " state TEXT NOT NULL CHECK (state IN ('PENDING','SENDING','DONE','REJECTED','UNKNOWN')),"
                            + " attempts INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
                            + " infcode INTEGER, result TEXT, reason TEXT, reversal_msgid TEXT,"
                            + " event_seq INTEGER NOT NULL REFERENCES journal (seq), mac TEXT NOT NULL)",
                    "CREATE INDEX outbox_state ON outbox (state, id)"),
            // v2: offline purse debits for 8301
            List.of(
                    "CREATE TABLE offline_debit (id INTEGER PRIMARY KEY, sale_id TEXT NOT NULL UNIQUE,"
                            + " card_no TEXT NOT NULL, offline_counter INTEGER NOT NULL,"
                            + " amount INTEGER NOT NULL CHECK (amount > 0), tx_date TEXT NOT NULL, record TEXT NOT NULL,"
                            + " state TEXT NOT NULL CHECK (state IN ('QUEUED','BATCHED','DONE','REJECTED')),"
                            + " batch_msgid TEXT REFERENCES outbox (msgid), setl_id TEXT, reason TEXT,"
                            + " created_at TEXT NOT NULL, event_seq INTEGER NOT NULL REFERENCES journal (seq),"
                            + " mac TEXT NOT NULL, UNIQUE (card_no, offline_counter))",
                    // covering: the R11 limits (sum and oldest of what is not forwarded) read only this index
                    "CREATE INDEX offline_debit_state ON offline_debit (state, created_at, amount)",
                    "CREATE INDEX offline_debit_card_day ON offline_debit (card_no, tx_date)"),
            // v3: re-settlement entries (R11), linked from the outbox (8400/8401)
            List.of(
                    "CREATE TABLE resettlement (entry_no TEXT PRIMARY KEY, state TEXT NOT NULL"
                            + " CHECK (state IN ('OPEN','SETTLED','REJECTED','EXPIRED')), fault TEXT NOT NULL,"
                            + " original_time TEXT NOT NULL, psn_cert_no TEXT NOT NULL, cashier TEXT NOT NULL,"
                            + " items TEXT NOT NULL, total INTEGER NOT NULL, cash_paid INTEGER NOT NULL,"
                            + " registered INTEGER NOT NULL, setl_id TEXT, fund_pay INTEGER, acct_pay INTEGER,"
                            + " refund INTEGER, reason TEXT, created_at TEXT NOT NULL,"
                            + " event_seq INTEGER NOT NULL REFERENCES journal (seq), mac TEXT NOT NULL)",
                    "ALTER TABLE outbox ADD COLUMN entry_no TEXT REFERENCES resettlement (entry_no)"),
            // v4: the center each message and offline debit was queued for (null: queued before v4); the forwarder
            // sends only what was queued for the center it talks to (issue 18: a training start on a production
            // queue must not hand real debits to the embedded simulated center). And "held": why a row found
            // edited is kept from the center after a supervisor acknowledged the finding (null: sendable).
            List.of(
                    "ALTER TABLE outbox ADD COLUMN center TEXT",
                    "ALTER TABLE offline_debit ADD COLUMN center TEXT",
                    "ALTER TABLE outbox ADD COLUMN held TEXT",
                    "ALTER TABLE offline_debit ADD COLUMN held TEXT"),
            // v5: what was done about a message the center rejected (issue 14): the automatic 2601 reversal of a
            // settlement whose card debit the center refused, the refund load it returned, a supervisor's resend or
            // note (null resolution: nothing yet, a supervisor must decide).
            List.of(
                    "ALTER TABLE outbox ADD COLUMN resolution TEXT",
                    "ALTER TABLE outbox ADD COLUMN resolution_note TEXT",
                    "ALTER TABLE outbox ADD COLUMN resolved_by TEXT",
                    "ALTER TABLE outbox ADD COLUMN resolved_at TEXT",
                    "ALTER TABLE outbox ADD COLUMN refund_load_id TEXT",
                    "ALTER TABLE outbox ADD COLUMN resent_as TEXT"),
            // v6: a re-settlement entry's kind (PHARMACY or OUTPATIENT: the prices it is re-settled at) and, after a
            // partial offline debit, what the card already paid and the msgid of the 8301 that uploads it (issue 14).
            // Null in older rows: a pharmacy entry paid wholly in cash.
            List.of(
                    "ALTER TABLE resettlement ADD COLUMN kind TEXT",
                    "ALTER TABLE resettlement ADD COLUMN acct_paid INTEGER",
                    "ALTER TABLE resettlement ADD COLUMN offline_msgid TEXT"),
            // v7: fewer index pages in every durable commit (issue 17; with synchronous=FULL each changed page is
            // written to the WAL and fsynced). journal_entity holds only the lines that change a row: sale events
            // (intent, card answer) have no entity, and their entries went to a page of their own in every commit;
            // every query by entity names one, so the partial index serves it (EXPLAIN QUERY PLAN in
            // QueryPlanTest). offline_debit_card_day goes: the one query it served (R11's per card per day) finds
            // the card's rows through the UNIQUE (card_no, offline_counter) index, which every debit writes anyway.
            // Only indexes change: no row, no MAC, no journal line is touched.
            List.of(
                    "DROP INDEX journal_entity",
                    "CREATE INDEX journal_entity ON journal (entity, entity_id) WHERE entity IS NOT NULL",
                    "DROP INDEX offline_debit_card_day"),
            // v8: journal_sale holds no line of an offline debit row (issue 17). Since v7 an offline sale's card answer
            // is the line that creates its debit row, so it went into both journal indexes, two index pages in every
            // durable record; a row's lines are found by entity (offline_debit, entity_id = its sale id), and every
            // query for a sale's lines asks both indexes (SaleJournal.SALE_LINES; QueryPlanTest). Only an index
            // changes: no row, no MAC, no journal line is touched.
            List.of(
                    "DROP INDEX journal_sale",
                    "CREATE INDEX journal_sale ON journal (sale_id) WHERE entity IS NOT 'offline_debit'"));

    private Schema() {
    }

    static int version(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies the steps after {@code from} up to {@code to}; the caller holds the write transaction. */
    static void migrate(Connection conn, int from, int to) throws SQLException {
        if (from > LATEST) {
            throw new SQLException("database schema v" + from + " is newer than this program (v" + LATEST + ")");
        }
        try (Statement st = conn.createStatement()) {
            for (int v = from; v < to; v++) {
                for (String sql : STEPS.get(v)) {
                    st.executeUpdate(sql);
                }
            }
            st.executeUpdate("PRAGMA user_version = " + to);
        }
    }
}
