package org.medcard.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcard.card.IdNumber;

/**
 * A sale's life in the journal: SALE_INTENT (before the card is debited), then CARD_DEBITED with the TAC
 * (before the sale is shown as done) or CARD_NOT_DEBITED (a correction), then SETTLED / SETTLE_REJECTED when
 * the center answers. Recording the TAC also queues what carries it to the center, in the same transaction:
 * an offline debit row (8301), created by the CARD_DEBITED line itself, or the online settle message (2102/2207)
 * with its own MESSAGE_QUEUED line.
 */
final class SaleJournal {
    /**
     * A sale's journal lines ({@code ?} three times: the sale id), in order. Since schema v8 {@code journal_sale} holds
     * no line of an offline debit row (issue 17: the offline card answer creates the row, and an entry in both journal
     * indexes cost a second index page in every durable record): those lines are found through {@code journal_entity}
     * (the row's key is its sale id). Each half names its index's condition, so SQLite takes the partial index.
     */
    static final String SALE_LINES = "SELECT * FROM journal WHERE sale_id = ? AND entity IS NOT 'offline_debit'"
            + " UNION ALL SELECT * FROM journal WHERE entity = 'offline_debit' AND entity_id = ? AND sale_id = ?";
    /** Condition on journal line {@code i}: a sale intent without a card answer. */
    static final String UNFINISHED = "i.kind = 'SALE_INTENT' AND NOT "
            + answered("i", "'CARD_DEBITED','CARD_NOT_DEBITED','CARD_DEBIT_UNRESOLVED'");
    /** Condition on journal line {@code u}: the card could not tell, and nobody has decided since. */
    static final String UNRESOLVED = "u.kind = 'CARD_DEBIT_UNRESOLVED' AND NOT "
            + answered("u", "'CARD_DEBITED','CARD_NOT_DEBITED'");
    /** How many open sales {@link #open} keeps; more than a counter ever has between intent and card answer. */
    private static final int OPEN_KEPT = 64;
    private final TerminalIdentity terminal;
    private final ObjectMapper mapper;
    /**
     * The sales whose intent this queue committed and for which it has committed no card answer since, with the
     * intent's journal payload as written (never changed after; issue 17): the durable record of the card's debit
     * takes it from here instead of reading the intent back from the journal and asking whether a card answer
     * exists. Changed only after a commit ({@link SqliteStore.Tx#afterCommit}) and read only inside a transaction,
     * both under the store's lock, so it never says more than the file: a sale missing here (an intent from before
     * a restart, or more than {@link #OPEN_KEPT} open) takes the journal path as before.
     */
    private final Map<String, JsonNode> open = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > OPEN_KEPT;
        }
    };
    private final Outbox outbox;
    private final Limits limits;
    private final WireFormat wire;
    private final UnfinishedSales unfinished;

    /** Whether the sale of line {@code alias} has a line of one of {@code kinds}, asked as {@link #SALE_LINES} does. */
    private static String answered(String alias, String kinds) {
        return "(EXISTS (SELECT 1 FROM journal a WHERE a.sale_id = " + alias + ".sale_id AND a.entity IS NOT 'offline_debit'"
                + " AND a.kind IN (" + kinds + ")) OR EXISTS (SELECT 1 FROM journal a WHERE a.entity = 'offline_debit'"
                + " AND a.entity_id = " + alias + ".sale_id AND a.sale_id = " + alias + ".sale_id AND a.kind IN (" + kinds + ")))";
    }

    SaleJournal(TerminalIdentity terminal, ObjectMapper mapper, Outbox outbox, Limits limits, WireFormat wire,
                UnfinishedSales unfinished) {
        this.terminal = terminal;
        this.mapper = mapper;
        this.outbox = outbox;
        this.limits = limits;
        this.wire = wire;
        this.unfinished = unfinished;
    }

    SaleTicket begin(SqliteStore.Tx tx, SaleIntent intent) throws SQLException {
        intent = withSettleTransaction(intent);
        if (intent.mode() == SaleMode.OFFLINE) {
            LimitDecision d = limits.check(tx.conn(), intent.cardNo(), intent.acctPayFen());
            if (!d.allowed()) {
                throw new OfflineLimitRefused(d);
            }
        }
        if (intent.mode() == SaleMode.RESETTLE) {
            requireResettleable(tx, intent);
        }
        long saleNo = tx.nextTerminalSeq();
        String saleId = terminal.terminalId().toUpperCase() + "-" + LocalTimes.pad(saleNo, 10);
        // The PSAM's sequence and the card's time when the terminal has them (they are what the TAC covers).
        long seq = intent.terminalSeq() != null ? intent.terminalSeq() : saleNo;
        String txTime = intent.txTime() != null ? intent.txTime()
                : LocalTimes.DATE_TIME.format(LocalTimes.local(tx.clock(), tx.now()));
        ObjectNode payload = intentPayload(intent, seq, txTime);
        tx.append("SALE_INTENT", null, null, saleId, payload);
        tx.afterCommit(() -> open.put(saleId, payload));
        return new SaleTicket(saleId, seq, txTime, intent);
    }

    /**
     * The intent's settle transaction checked against its mode by the wire format (a sale's settlement online, an
     * entry's settlement at a re-settlement); a re-settlement that names none gets the wire format's.
     */
    private SaleIntent withSettleTransaction(SaleIntent intent) {
        WireFormat.Role wanted = switch (intent.mode()) {
            case ONLINE -> WireFormat.Role.SALE_SETTLEMENT;
            case RESETTLE -> WireFormat.Role.ENTRY_SETTLEMENT;
            default -> null;
        };
        if (wanted == null) {
            return intent;
        }
        if (intent.settleTransaction() == null && wanted == WireFormat.Role.ENTRY_SETTLEMENT) {
            return intent.withSettleTransaction(wire.transactionOf(wanted));
        }
        if (intent.settleTransaction() == null || wire.roleOf(intent.settleTransaction()) != wanted) {
            throw new IllegalArgumentException("a " + intent.mode() + " sale is settled by a " + wanted
                    + " message, not by " + intent.settleTransaction());
        }
        return intent;
    }

    private ObjectNode intentPayload(SaleIntent intent, long seq, String txTime) {
        ObjectNode p = mapper.createObjectNode().put("mode", intent.mode().name())
                .put("card_no", intent.cardNo().toUpperCase()).put("psn_cert_no", intent.psnCertNo())
                .put("card_counter", intent.cardCounter()).put("acct_pay", intent.acctPayFen())
                .put("cash_pay", intent.cashPayFen()).put("terminal_seq", seq).put("tx_time", txTime);
        p.set("items", Json.parse(mapper, intent.itemsJson(), "items"));
        if (intent.mode() != SaleMode.OFFLINE) {
            p.put(Rows.SETTLE_TRANSACTION, intent.settleTransaction());
            p.set("settle_input", Json.parse(mapper, intent.settleInputJson(), "settle input"));
        }
        return p;
    }

    /**
     * Records the card's TAC and queues the record for the center. Calling it again with the same TAC (a
     * retry after a crash) changes nothing; a different TAC for the same sale is refused.
     */
    Optional<OutboxMessage> recordDebit(SqliteStore.Tx tx, String saleId, String tac) throws SQLException {
        JsonNode intent = open.get(saleId); // here: no card answer committed since the intent
        if (intent == null) {
            JournalEntry line = intentLine(tx.conn(), saleId);
            toTicket(line); // read as tear recovery reads it: an intent that cannot be read stops writes
            intent = Json.parse(mapper, line.payload(), "journal " + line.seq());
            Optional<JournalEntry> answer = cardAnswer(tx.conn(), saleId);
            if (answer.isPresent()) {
                return repeatedDebit(tx.conn(), saleId, tac, answer.get());
            }
        }
        tx.afterCommit(() -> open.remove(saleId));
        // The intent's fields as journalled (SALE_INTENT, see intentPayload and toTicket): card number in capitals,
        // items and settle input as stored.
        SaleMode mode = SaleMode.valueOf(intent.path("mode").asText());
        PurseRecord purse = new PurseRecord(intent.path("card_no").asText().toUpperCase(),
                intent.path("card_counter").asInt(), intent.path("acct_pay").asLong(), 6,
                terminal.terminalId().toUpperCase(), intent.path("terminal_seq").asLong(),
                intent.path("tx_time").asText(), tac.toUpperCase());
        ObjectNode purseJson = purseJson(purse);
        ObjectNode payload = mapper.createObjectNode().put("tac", purse.tac());
        payload.set("purse", purseJson);
        if (mode == SaleMode.OFFLINE) {
            queueOfflineDebit(tx, saleId, intent, purse, purseJson, payload);
            return Optional.empty();
        }
        tx.append("CARD_DEBITED", null, null, saleId, payload);
        JsonNode settleInput = intent.get("settle_input");
        EncodedMessage settle = wire.withPurse(new EncodedMessage(intent.path(Rows.SETTLE_TRANSACTION).asText(null),
                settleInput == null ? null : settleInput.toString()), purseJson.toString());
        // The settlement of this counter's entry is linked to it, so the answer settles (or rejects) the entry.
        String intentEntry = mode == SaleMode.RESETTLE && settleInput != null
                ? settleInput.path("entry_no").asText("") : "";
        String entryNo = !intentEntry.isBlank() && localEntry(tx.conn(), intentEntry) ? intentEntry : null;
        return Optional.of(outbox.enqueue(tx, settle, purse.cardNo(), saleId, entryNo));
    }

    /**
     * R11 case 3: this counter's entry must be OPEN, belong to the intent's ID number and have nothing under way;
     * another counter's entry (known from 8402) is checked by the center when the 8401 arrives.
     */
    private void requireResettleable(SqliteStore.Tx tx, SaleIntent intent) throws SQLException {
        if (!localEntry(tx.conn(), intent.entryNo())) {
            return;
        }
        ResettlementEntry e = Resettlements.openForSettling(tx, intent.entryNo(), wire, unfinished);
        if (!e.psnCertNo().equalsIgnoreCase(intent.psnCertNo())) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "entry " + e.entryNo()
                    + " belongs to " + IdNumber.mask(e.psnCertNo()) + ", not to the cardholder "
                    + IdNumber.mask(intent.psnCertNo()));
        }
    }

    private static boolean localEntry(Connection c, String entryNo) throws SQLException {
        return !SqliteStore.query(c, "SELECT entry_no FROM resettlement WHERE entry_no = ?", entryNo).isEmpty();
    }

    private Optional<OutboxMessage> repeatedDebit(Connection c, String saleId, String tac, JournalEntry answer)
            throws SQLException {
        JsonNode p = Json.parse(mapper, answer.payload(), "journal " + answer.seq());
        if (!"CARD_DEBITED".equals(answer.kind()) || !tac.equalsIgnoreCase(p.path("tac").asText())) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "sale " + saleId
                    + " already has a card answer (" + answer.kind() + "); corrections are new entries");
        }
        return SqliteStore.query(c, "SELECT * FROM outbox WHERE sale_id = ? ORDER BY id LIMIT 1", saleId).stream()
                .findFirst().map(Rows::outbox);
    }

    /** The 8301 purse record, its fields in this order (built as a tree: no map converted on every record). */
    private ObjectNode purseJson(PurseRecord p) {
        return mapper.createObjectNode().put("card_no", p.cardNo()).put("offline_counter", p.offlineCounter())
                .put("amount", p.amount()).put("tx_type", p.txType()).put("terminal_id", p.terminalId())
                .put("terminal_seq", p.terminalSeq()).put("tx_time", p.txTime()).put("tac", p.tac());
    }

    /**
     * The offline debit row, created by the card's answer itself (issue 17): one journal line, CARD_DEBITED with the
     * TAC and the purse record, names the row ({@code offline_debit}, the sale) and the row's MAC is bound to it, as
     * any row is bound to the line that last changed it. Until v7 the answer and the row's creation were two lines
     * (CARD_DEBITED, then DEBIT_QUEUED with the card, counter and amount the purse record already holds); files keep
     * theirs, and both read and verify alike.
     */
    private void queueOfflineDebit(SqliteStore.Tx tx, String saleId, JsonNode intent, PurseRecord p, ObjectNode purse,
                                   ObjectNode answer) throws SQLException {
        ObjectNode record = purse.deepCopy();
        record.put("psn_cert_no", intent.path("psn_cert_no").isNull() ? null : intent.path("psn_cert_no").asText());
        record.set("items", intent.path("items").deepCopy());
        record.put("acct_pay", p.amount()).put("cash_pay", intent.path("cash_pay").asLong());
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("id", tx.nextId("offline_debit"));
        cols.put("sale_id", saleId);
        cols.put("card_no", p.cardNo());
        cols.put("offline_counter", (long) p.offlineCounter());
        cols.put("amount", p.amount());
        cols.put("tx_date", p.txTime().substring(0, 10));
        cols.put("record", record.toString());
        cols.put("state", "QUEUED");
        cols.put("created_at", LocalTimes.stamp(tx.now()));
        if (outbox.center() != null) {
            cols.put("center", outbox.center());
        }
        tx.insert("offline_debit", "sale_id", cols, "CARD_DEBITED", answer);
    }

    /** The card did not debit (GET TRANSACTION PROVE answered 9406, or the debit was refused). */
    void recordNoDebit(SqliteStore.Tx tx, String saleId, String reason) throws SQLException {
        ticket(tx.conn(), saleId);
        Optional<JournalEntry> answer = cardAnswer(tx.conn(), saleId);
        if (answer.isPresent()) {
            if ("CARD_NOT_DEBITED".equals(answer.get().kind())) {
                return;
            }
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "sale " + saleId
                    + " was debited (TAC recorded); a refund is a new transaction, not a correction of the debit");
        }
        tx.append("CARD_NOT_DEBITED", null, null, saleId, mapper.createObjectNode().put("reason", reason));
        tx.afterCommit(() -> open.remove(saleId));
    }

    /**
     * Tearing recovery could not decide (the card's proof and log no longer reach the sale), or the log shows the
     * debit without its TAC: the sale leaves the unfinished list (asking the card again cannot help) and waits
     * for a supervisor, with the evidence. It stays open to a later CARD_DEBITED or CARD_NOT_DEBITED.
     */
    void recordUnresolved(SqliteStore.Tx tx, String saleId, String evidence, boolean debitInLog) throws SQLException {
        ticket(tx.conn(), saleId);
        if (cardAnswer(tx.conn(), saleId).isPresent()) {
            return; // already decided by the card
        }
        tx.append("CARD_DEBIT_UNRESOLVED", null, null, saleId, mapper.createObjectNode().put("evidence", evidence)
                .put("debit_in_log", debitInLog));
    }

    /**
     * Sales with an intent and no card answer: the terminal resolves each with GET TRANSACTION PROVE. Only in a read
     * transaction (a committed snapshot: {@link UnfinishedSales#read}).
     */
    List<SaleTicket> unfinished(Connection c) throws SQLException {
        List<SaleTicket> out = new ArrayList<>();
        for (Map<String, Object> row : unfinished.read(c)) {
            out.add(toTicket(Rows.journal(row)));
        }
        return out;
    }

    /** How many sales {@link #unfinished} lists, without reading their intents; only in a read transaction. */
    long unfinishedCount(Connection c) throws SQLException {
        return unfinished.read(c).size();
    }

    SaleTicket ticket(Connection c, String saleId) throws SQLException {
        return toTicket(intentLine(c, saleId));
    }

    private static JournalEntry intentLine(Connection c, String saleId) throws SQLException {
        List<Map<String, Object>> rows = SqliteStore.query(c,
                "SELECT * FROM journal WHERE sale_id = ? AND entity IS NOT 'offline_debit' AND kind = 'SALE_INTENT'",
                saleId);
        if (rows.isEmpty()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "no sale " + saleId + " in the journal");
        }
        return Rows.journal(rows.get(0));
    }

    private SaleTicket toTicket(JournalEntry e) {
        JsonNode p;
        try {
            p = Json.parse(mapper, e.payload(), "journal " + e.seq());
            return toTicket(e.saleId(), p);
        } catch (IllegalArgumentException ex) {
            throw new QueueStoreException(QueueStoreException.Reason.UNPARSEABLE_RECORD,
                    "journal line " + e.seq() + " (sale " + e.saleId() + ") cannot be read: " + ex.getMessage(), ex);
        }
    }

    /** The ticket an intent's journal payload describes. */
    private static SaleTicket toTicket(String saleId, JsonNode p) {
        JsonNode settleInput = p.get("settle_input");
        SaleIntent intent = new SaleIntent(SaleMode.valueOf(p.path("mode").asText()), p.path("card_no").asText(),
                p.path("psn_cert_no").isNull() ? null : p.path("psn_cert_no").asText(),
                p.path("card_counter").asInt(), p.path("acct_pay").asLong(), p.path("cash_pay").asLong(),
                p.path("items").toString(), p.path(Rows.SETTLE_TRANSACTION).asText(null),
                settleInput == null ? null : settleInput.toString(), p.path("terminal_seq").asLong(),
                p.path("tx_time").asText());
        return new SaleTicket(saleId, p.path("terminal_seq").asLong(), p.path("tx_time").asText(), intent);
    }

    private static Optional<JournalEntry> cardAnswer(Connection c, String saleId) throws SQLException {
        return SqliteStore.query(c, "SELECT * FROM (" + SALE_LINES + ") WHERE kind IN ('CARD_DEBITED','CARD_NOT_DEBITED')"
                + " ORDER BY seq LIMIT 1", saleId, saleId, saleId).stream().findFirst().map(Rows::journal);
    }
}
