package org.medcard.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's offline queue: journal, outbox, offline debits, re-settlement entries (issue 5, R11).
 *
 * <p>Every method that changes something does it in one SQLite transaction and returns only after the
 * commit (see {@link SqliteStore} for the crash-safety argument). Methods may be called from any thread;
 * they are serialised internally and never touch the network. Listeners are called on the calling thread
 * after the commit.
 *
 * <p><b>A card sale is two commits, and the second is the durable sale</b> (issue 17). {@link #beginSale} commits
 * the intent before the card is asked to debit: it holds the offline counter and the terminal sequence that GET
 * TRANSACTION PROVE needs after a tear, and a crash or power cut between DEBIT FOR PURCHASE and the record must
 * find it in {@link #unfinishedSales()} (CrashIT kills between the two); folded into the record's transaction, a
 * debited card could leave no trace. {@link #recordCardDebit} then makes the sale durable in ONE transaction: the
 * TAC line, what carries it to the center (the 8301 debit row, or the settle message in the outbox), their MACs and
 * the chain head (the HMAC chain link). Nothing before that commit tells the cashier "done", and nothing after it
 * is needed for the sale to reach the center. The record takes the intent from memory when this queue committed
 * it ({@code SaleJournal}'s open sales, changed only after a commit), otherwise from the journal, as after a restart.
 *
 * <p>Opening runs start-up recovery: messages left SENDING become UNKNOWN (resent with the same msgid),
 * expired re-settlement entries are closed, unfinished sales are listed for the terminal to resolve with
 * GET TRANSACTION PROVE, and the HMAC chain is verified; a finding stops the forwarder until a supervisor
 * acknowledges it.
 */
public final class OfflineQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineQueue.class);

    private static final int MSGID_BLOCK = 32;

    private final SqliteStore store;
    private final QueueSettings settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Outbox outbox;
    private final Limits limits;
    private final SaleJournal sales;
    private final Resettlements resettlements;
    private final ChainVerifier verifier;
    private final WireFormat wire;
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    /** msgids reserved for queries: {next, end} of the current block, guarded by itself. */
    private final long[] msgidBlock = new long[2];
    private volatile TamperReport tamper = new TamperReport(List.of(), List.of());

    private OfflineQueue(SqliteStore store, QueueSettings settings, Clock clock, WireFormat wire) {
        this.store = store;
        this.settings = settings;
        this.wire = wire;
        this.outbox = new Outbox(settings.terminal(), mapper, wire, settings.center());
        this.limits = new Limits(settings.limits(), clock);
        UnfinishedSales unfinished = new UnfinishedSales();
        this.sales = new SaleJournal(settings.terminal(), mapper, outbox, limits, wire, unfinished);
        this.resettlements = new Resettlements(settings.terminal(), mapper, outbox, settings.resettleMaxDays(), wire,
                unfinished);
        this.verifier = new ChainVerifier(store.mac());
    }

    /**
     * Opens the queue file, creating or migrating it, and runs start-up recovery.
     *
     * @param file     the SQLite file (created owner-only if absent)
     * @param settings terminal, limits, timeouts
     * @param hmacKey  this terminal's key for the HMAC chain, at least 16 bytes
     * @param clock    time source (tests pass a fixed or stepping clock)
     * @param wire     the host protocol as the terminal's codec encodes it; the queue itself knows no transaction code
     * @throws QueueStoreException CORRUPT, LOCKED, IO_ERROR, DISK_FULL with a sentence for the technician
     */
    public static OfflineQueue open(Path file, QueueSettings settings, byte[] hmacKey, Clock clock, WireFormat wire) {
        return open(file, settings, hmacKey, clock, Schema.LATEST, wire);
    }

    /**
     * Like {@link #open(Path, QueueSettings, byte[], Clock, WireFormat)} with the {@link WireFormat#installed()
     * installed} wire format: for callers that do not pass the terminal's codec themselves.
     */
    public static OfflineQueue open(Path file, QueueSettings settings, byte[] hmacKey, Clock clock) {
        return open(file, settings, hmacKey, clock, WireFormat.installed());
    }

    /** Opens at an older schema version: for migration tests only. */
    static OfflineQueue open(Path file, QueueSettings settings, byte[] hmacKey, Clock clock, int schemaVersion) {
        return open(file, settings, hmacKey, clock, schemaVersion, WireFormat.installed());
    }

    private static OfflineQueue open(Path file, QueueSettings settings, byte[] hmacKey, Clock clock, int schemaVersion,
                                     WireFormat wire) {
        ObjectNode created = new ObjectMapper().createObjectNode()
                .put("institution", settings.terminal().institutionCode())
                .put("terminal_no", settings.terminal().terminalNo())
                .put("terminal_id", settings.terminal().terminalId());
        SqliteStore store = SqliteStore.open(file, hmacKey, clock, settings, schemaVersion, created);
        OfflineQueue queue = new OfflineQueue(store, settings, clock, java.util.Objects.requireNonNull(wire, "wire"));
        try {
            queue.startupRecovery(schemaVersion);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return queue;
    }

    private void startupRecovery(int schemaVersion) {
        TamperReport report = verify();
        if (schemaVersion < Schema.LATEST) {
            return;
        }
        int recovered = store.write("start-up recovery", tx -> outbox.recoverSending(tx));
        int expired = expireResettlements();
        try {
            List<SaleTicket> unfinished = unfinishedSales();
            LOG.info("Offline queue {} open: {} message(s) recovered from SENDING, {} entry(ies) expired,"
                            + " {} unfinished sale(s), chain {}", store.path(), recovered, expired, unfinished.size(),
                    report.clean() ? "verified" : "FINDINGS " + report.findings().size());
        } catch (QueueStoreException e) {
            // An unreadable sale stops writes (done by the store) but the queue stays open for reading and export.
            LOG.error("Offline queue {} opened read-only: {}", store.path(), e.getMessage());
        }
    }

    /** Imports a FULL export into a new file {@code target} and opens it (the chain must verify with the key). */
    public static OfflineQueue importFrom(Path export, Path target, QueueSettings settings, byte[] hmacKey,
                                          Clock clock) {
        return importFrom(export, target, settings, hmacKey, clock, WireFormat.installed());
    }

    /** Imports a FULL export into a new file {@code target} and opens it with {@code wire}. */
    public static OfflineQueue importFrom(Path export, Path target, QueueSettings settings, byte[] hmacKey,
                                          Clock clock, WireFormat wire) {
        try {
            new QueueTransfer(new ObjectMapper()).importInto(export, target, settings, new RowMac(hmacKey));
        } catch (IOException e) {
            throw new QueueStoreException(QueueStoreException.Reason.IO_ERROR, "importing " + export, e);
        } catch (SQLException e) {
            throw SqliteStore.translate(e, "importing " + export + " into " + target);
        }
        OfflineQueue queue = open(target, settings, hmacKey, clock, wire);
        queue.write("recording the import", tx -> tx.append("QUEUE_IMPORTED", null, null, null,
                queue.mapper.createObjectNode().put("from", export.getFileName().toString())));
        return queue;
    }

    // ---- sales -------------------------------------------------------------------------------------------

    /**
     * Writes the sale intent before the card is debited and allocates the terminal sequence to use.
     *
     * @throws OfflineLimitRefused an offline sale past an R11 limit (nothing written; the sale goes to cash)
     */
    /**
     * A fresh msgid for a center query that is not queued (1101, 1301, 8101, 2101…), numbered from the same
     * durable sequence as queued messages, so no two messages of this terminal ever share a msgid.
     */
    public String reserveMsgid() {
        long seq;
        synchronized (msgidBlock) {
            // One commit per block, not per query (a sale asks three): a restart skips the rest of a block,
            // which only leaves a gap in the sequence; no number is ever handed out twice.
            if (msgidBlock[0] == msgidBlock[1]) {
                msgidBlock[0] = store.write("reserving msgids", tx -> tx.reserveMsgSeqs(MSGID_BLOCK));
                msgidBlock[1] = msgidBlock[0] + MSGID_BLOCK;
            }
            seq = msgidBlock[0]++;
        }
        Clock clock = store.clock();
        return MsgIds.format(settings.terminal(), LocalTimes.local(clock, clock.instant()), seq);
    }

    public SaleTicket beginSale(SaleIntent intent) {
        return write("recording a sale intent", tx -> sales.begin(tx, intent));
    }

    /**
     * Writes the card's TAC (before the sale is shown as done) and queues what carries it to the center:
     * an offline debit for 8301, or the online settle message, returned so the terminal can send it now.
     */
    public Optional<OutboxMessage> recordCardDebit(String saleId, String tac) {
        return write("recording the card's debit", tx -> sales.recordDebit(tx, saleId, tac));
    }

    /** Closes a sale whose card was not debited (GET TRANSACTION PROVE said 9406, or the card refused). */
    public void recordNoDebit(String saleId, String reason) {
        write("recording that the card was not debited", tx -> {
            sales.recordNoDebit(tx, saleId, reason);
            return null;
        });
    }

    /**
     * Tearing recovery could not decide whether the card was debited (or knows it was, without the TAC): the
     * sale becomes a supervisor task with {@code evidence}; it is never recorded as not debited.
     */
    public void recordUnresolved(String saleId, String evidence, boolean debitInLog) {
        write("recording an unresolved torn sale", tx -> {
            sales.recordUnresolved(tx, saleId, evidence, debitInLog);
            return null;
        });
    }

    /** The supervisor's tasks: the CARD_DEBIT_UNRESOLVED line (evidence in its payload) of every undecided sale. */
    public List<JournalEntry> unresolvedSales() {
        return store.read("listing unresolved sales", c -> SqliteStore.query(c, "SELECT * FROM journal u WHERE "
                + SaleJournal.UNRESOLVED + " ORDER BY u.seq").stream().map(Rows::journal).toList());
    }

    /** Sales begun whose card answer is not recorded: resolve each with GET TRANSACTION PROVE. */
    public List<SaleTicket> unfinishedSales() {
        return store.read("listing unfinished sales", sales::unfinished);
    }

    /** The journal lines of one sale, in order. */
    public List<JournalEntry> journalOfSale(String saleId) {
        return store.read("reading the journal", c -> SqliteStore.query(c, SaleJournal.SALE_LINES + " ORDER BY seq",
                saleId, saleId, saleId).stream().map(Rows::journal).toList());
    }

    /** Journal lines after {@code afterSeq}, at most {@code limit}. */
    public List<JournalEntry> journal(long afterSeq, int limit) {
        return journalWhere("seq > ? ORDER BY seq LIMIT " + Math.max(0, limit), afterSeq);
    }

    private List<JournalEntry> journalWhere(String where, Object arg) {
        return store.read("reading the journal", c -> SqliteStore.query(c, "SELECT * FROM journal WHERE " + where,
                arg).stream().map(Rows::journal).toList());
    }

    /** Answers whether an offline debit of {@code amountFen} on this card is within the R11 limits now. */
    public LimitDecision checkOfflineDebit(String cardNo, long amountFen) {
        return store.read("checking the offline limits", c -> limits.check(c, cardNo, amountFen));
    }

    public Optional<OfflineDebit> offlineDebit(String saleId) {
        return store.read("reading an offline debit", c -> SqliteStore.query(c,
                "SELECT * FROM offline_debit WHERE sale_id = ?", saleId).stream().findFirst().map(OfflineQueue::debit));
    }

    private static OfflineDebit debit(Map<String, Object> r) {
        return new OfflineDebit(Rows.str(r, "sale_id"), Rows.str(r, "card_no"), Rows.lng(r, "offline_counter").intValue(),
                Rows.lng(r, "amount"), Rows.str(r, "state"), Rows.str(r, "batch_msgid"), Rows.str(r, "setl_id"),
                Rows.str(r, "reason"));
    }

    // ---- re-settlement (R11) -----------------------------------------------------------------------------

    /** R11 case 2: the patient paid cash during a fault; opens an entry and queues its 8400 registration. */
    public ResettlementEntry recordCashPayment(ResettlementRequest request) {
        return write("recording a re-settlement entry", tx -> resettlements.create(tx, request));
    }

    /** R11 case 3: queues the 8401 re-settlement for an OPEN entry; send it with the forwarder's sendNow. */
    public OutboxMessage queueResettle(String entryNo, String cardNo, String purseJson) {
        return write("queueing a re-settlement", tx -> resettlements.queueResettle(tx, entryNo, cardNo, purseJson));
    }

    /**
     * R11 case 3 with the personal account: the 8401 input of an OPEN entry (without the purse record), for a
     * {@link SaleIntent#resettle} whose card debit the journal then records like a sale's. Refused when the entry
     * is not OPEN or already has an 8401 or a card debit under way.
     */
    public String resettleInput(String entryNo, String cardNo) {
        return entrySettlement(entryNo, cardNo).input();
    }

    /**
     * R11 case 3: the settlement message of an OPEN entry without the purse record (as {@link #resettleInput}),
     * encoded by the wire format. Refused like {@link #resettleInput}.
     */
    public EncodedMessage entrySettlement(String entryNo, String cardNo) {
        return write("preparing a re-settlement", tx -> resettlements.settlement(tx, entryNo, cardNo));
    }

    public Optional<ResettlementEntry> resettlement(String entryNo) {
        return store.read("reading a re-settlement entry", c -> SqliteStore.query(c,
                "SELECT * FROM resettlement WHERE entry_no = ?", entryNo).stream().findFirst().map(Rows::resettlement));
    }

    public List<ResettlementEntry> resettlements(ResettlementState state) {
        return store.read("listing re-settlement entries", c -> SqliteStore.query(c,
                "SELECT * FROM resettlement WHERE state = ? ORDER BY entry_no", state.name()).stream()
                .map(Rows::resettlement).toList());
    }

    /**
     * R11 case 3 at another counter: the center reports this counter's OPEN entry re-settled elsewhere in the
     * institution (8402 status SETTLED); the entry is SETTLED here too, with {@code setlId} and {@code reason}, so it
     * is not offered again. False when the entry is not OPEN here (nothing changes).
     */
    public boolean markSettledElsewhere(String entryNo, String setlId, String reason) {
        return write("marking a re-settlement entry settled at another counter", tx -> resettlements.settledElsewhere(tx, entryNo,
                setlId, reason));
    }

    /** Closes OPEN entries older than {@code resettle.max_days} as EXPIRED; returns how many. */
    public int expireResettlements() {
        return write("expiring re-settlement entries", resettlements::expire);
    }

    // ---- outbox (used by the forwarder and the terminal) -------------------------------------------------

    /**
     * Stores any other message for the center (its msgid fixed now); the forwarder sends it in order.
     *
     * @param cardKey the card it concerns (kept in order with that card's other messages and debits), or null
     */
    public OutboxMessage queue(EncodedMessage message, String cardKey) {
        Json.require(mapper, message.input(), false, "input");
        return write("queueing a message", tx -> outbox.enqueue(tx, message, cardKey, null, null));
    }

    /** The same as {@link #queue(EncodedMessage, String)}, for callers not yet using the codec. */
    public OutboxMessage queueMessage(String transaction, String cardKey, String inputJson) {
        return queue(new EncodedMessage(transaction, inputJson), cardKey);
    }

    public Optional<OutboxMessage> message(String msgid) {
        return store.read("reading a message", c -> Outbox.find(c, msgid));
    }

    public List<OutboxMessage> messages(OutboxState state) {
        return store.read("listing messages", c -> SqliteStore.query(c,
                "SELECT * FROM outbox WHERE state = ? ORDER BY id", state.name()).stream().map(Rows::outbox).toList());
    }

    /**
     * For the forwarder: takes the next message (building an 8301 batch when only debits wait) and marks it
     * SENDING. Empty when nothing waits, another send is under way, or tamper evidence blocks forwarding.
     */
    public Optional<OutboxMessage> claimNext() {
        return forwardingBlocked() ? Optional.empty() : write("claiming the next message", outbox::claimNext);
    }

    /** For the forwarder: marks one given message SENDING (the terminal's online settle). */
    public Optional<OutboxMessage> claim(String msgid) {
        return forwardingBlocked() ? Optional.empty() : write("claiming " + msgid, tx -> outbox.claim(tx, msgid));
    }

    /** For the forwarder: the center accepted the message; what its {@code output} changes is applied here. */
    public ForwardResult recordAccepted(String msgid, String outputJson) {
        return recorded(write("recording the answer to " + msgid,
                tx -> outbox.recordAccepted(tx, msgid, outputJson, resettlements)));
    }

    /** For the forwarder: the center refused the message ({@code code} is the center's, recorded as it is). */
    public ForwardResult recordRefused(String msgid, long code, String message) {
        return recorded(write("recording the refusal of " + msgid,
                tx -> outbox.recordRefused(tx, msgid, code, message, resettlements)));
    }

    /** For the forwarder: the center asks for the message again with the same msgid. */
    public ForwardResult recordRetry(String msgid, long code, String message) {
        return recorded(write("recording the center's retry of " + msgid, tx -> outbox.recordRetry(tx, msgid, code, message)));
    }

    private ForwardResult recorded(ForwardResult result) {
        notifyListeners(l -> l.forwarded(result));
        return result;
    }

    /** For the forwarder: no answer (timeout, refused, HTTP 5xx, dropped connection). */
    public ForwardResult recordNoAnswer(String msgid, String reason) {
        return recorded(write("recording no answer to " + msgid, tx -> outbox.recordNoAnswer(tx, msgid, reason)));
    }

    /** Queues a 2601 reversal for an UNKNOWN settlement instead of resending it. */
    public OutboxMessage requestReversal(String msgid) {
        return write("requesting a reversal of " + msgid, tx -> outbox.requestReversal(tx, msgid));
    }

    // ---- rejected messages (issue 14) --------------------------------------------------------------------

    /** Every message the center rejected, with what was done about it, oldest first. */
    public List<RejectedMessage> rejectedMessages() {
        return store.read("listing rejected messages", outbox::rejectedMessages);
    }

    public Optional<RejectedMessage> rejectedMessage(String msgid) {
        return store.read("reading a rejected message", c -> outbox.rejectedMessage(c, msgid));
    }

    /** A supervisor reverses (2601) a rejected settlement; returns the queued reversal. */
    public OutboxMessage reverseRejected(String msgid, String supervisor, String note) {
        return write("reversing rejected " + msgid, tx -> outbox.reverseRejected(tx, msgid, supervisor, note));
    }

    /** A supervisor resends a rejected message under a new msgid; returns the new message. */
    public OutboxMessage resendRejected(String msgid, String supervisor, String note) {
        return write("resending rejected " + msgid, tx -> outbox.resendRejected(tx, msgid, supervisor, note));
    }

    /** A supervisor marks a rejected message handled; the note is required. */
    public RejectedMessage markRejectedHandled(String msgid, String supervisor, String note) {
        return write("marking " + msgid + " handled", tx -> outbox.markHandled(tx, msgid, supervisor, note));
    }

    /**
     * The card was credited with refund load {@code loadId} (R15 path): the message whose reversal returned it is
     * marked REFUND_CREDITED. Returns that message's msgid; empty for any other load.
     */
    public Optional<String> refundCredited(String loadId) {
        return write("recording refund " + loadId + " credited", tx -> outbox.refundCredited(tx, loadId));
    }

    // ---- state, tamper evidence, export ------------------------------------------------------------------

    public QueueSummary summary() {
        boolean blocked = forwardingBlocked();
        boolean stopped = store.writesStopped() != null;
        return store.read("summarising the queue", c -> {
            // Rows held after a tamper finding never go and their amount is the edited one: not counted as waiting.
            Map<String, Object> d = SqliteStore.query(c, "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM offline_debit"
                    + " WHERE state IN ('QUEUED','BATCHED') AND held IS NULL").get(0);
            Duration oldest = limits.oldestAge(c);
            return new QueueSummary((Long) d.get("n"), (Long) d.get("s"), oldest,
                    waitingMessages(c),
                    count(c, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'UNKNOWN'"),
                    // rejected by the center and not yet dealt with (nor being dealt with by a reversal)
                    count(c, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'REJECTED' AND " + Rows.CENTER_CODE + " IS NOT NULL"
                            + " AND (resolution IS NULL OR resolution = 'REVERSAL_REFUSED')"),
                    count(c, "SELECT COUNT(*) AS n FROM resettlement WHERE state = 'OPEN'"),
                    sales.unfinishedCount(c),
                    blocked, stopped);
        });
    }

    /** Messages not yet answered, uploads of offline debits not counted (those are counted as debits). */
    private long waitingMessages(Connection c) throws SQLException {
        return SqliteStore.query(c, "SELECT " + Rows.TRANSACTION + " FROM outbox WHERE state IN ('PENDING','UNKNOWN','SENDING')")
                .stream().filter(r -> wire.roleOf(Rows.str(r, Rows.TRANSACTION)) != WireFormat.Role.OFFLINE_UPLOAD).count();
    }

    private static long count(Connection c, String sql) throws SQLException {
        return (Long) SqliteStore.query(c, sql).get(0).get("n");
    }

    /**
     * Messages and offline debits queued for another center than {@link QueueSettings#center()}: held, never sent
     * to this one (0 when no center is recorded).
     */
    public long heldForOtherCenters() {
        return store.read("counting what waits for another center", c -> Outbox.heldForOtherCenters(c, settings.center()));
    }

    /** Verifies the HMAC chain and every row now; a new unacknowledged finding stops the forwarder. */
    public TamperReport verify() {
        TamperReport report = store.read("verifying the HMAC chain", c -> {
            List<String> findings = verifier.verify(c);
            return new TamperReport(findings, acknowledgedAmong(c, findings));
        });
        tamper = report;
        if (!report.clean()) {
            LOG.error("Offline queue {}: tamper evidence: {}", store.path(), report.findings());
            notifyListeners(l -> l.tamperDetected(report));
        }
        return report;
    }

    private List<String> acknowledgedAmong(Connection c, List<String> findings) throws SQLException {
        if (findings.isEmpty()) {
            return List.of(); // nothing to look up: the scan for acknowledgements reads the whole journal (issue 17)
        }
        Set<String> acked = new LinkedHashSet<>();
        for (Map<String, Object> row : SqliteStore.query(c,
                "SELECT payload FROM journal WHERE kind = 'TAMPER_ACKNOWLEDGED' ORDER BY seq")) {
            Json.parse(mapper, (String) row.get("payload"), "acknowledgement").path("findings")
                    .forEach(f -> acked.add(f.asText()));
        }
        List<String> out = new ArrayList<>(findings);
        out.retainAll(acked);
        return out;
    }

    public TamperReport tamperReport() {
        return tamper;
    }

    /** True while tamper evidence is unacknowledged: the forwarder sends nothing. */
    public boolean forwardingBlocked() {
        return tamper.blocksForwarding();
    }

    /**
     * A supervisor has seen the findings: they are journalled with the supervisor's name, rows found edited
     * or rolled back are journalled as found and resealed (see {@code ROW_RESEALED}), and forwarding resumes.
     * Findings about the journal itself stay reported, marked acknowledged. New findings block again.
     */
    public TamperReport acknowledgeTamper(String supervisor, String note) {
        write("recording the supervisor's acknowledgement", tx -> {
            List<ChainVerifier.SuspectRow> suspects = new ArrayList<>();
            List<String> findings = verifier.verify(tx.conn(), suspects);
            ObjectNode p = mapper.createObjectNode().put("supervisor", supervisor).put("note", note);
            findings.forEach(p.putArray("findings")::add);
            tx.append("TAMPER_ACKNOWLEDGED", null, null, null, p);
            for (ChainVerifier.SuspectRow s : suspects) {
                tx.reseal(s.table(), s.keyColumn(), s.key(), mapper.createObjectNode().put("supervisor", supervisor));
                holdIfStillToSend(tx, s, supervisor);
            }
            return null;
        });
        return verify();
    }

    /**
     * A row found edited that has not reached the center yet is kept from it for good: forwarding resumes only for
     * rows that verify (issue 18, case 4). Its record as found is in the journal (ROW_RESEALED) for the technician.
     */
    private void holdIfStillToSend(SqliteStore.Tx tx, ChainVerifier.SuspectRow s, String supervisor) throws SQLException {
        String pending = switch (s.table()) {
            case "outbox" -> "state IN ('PENDING','UNKNOWN')";
            case "offline_debit" -> "state = 'QUEUED'";
            default -> null;
        };
        if (pending == null || SqliteStore.query(tx.conn(), "SELECT 1 FROM " + s.table() + " WHERE " + s.keyColumn()
                + " = ? AND " + pending, s.key()).isEmpty()) {
            return;
        }
        String why = "found edited; held from the center since " + LocalTimes.stamp(tx.now()) + " (acknowledged by "
                + supervisor + ")";
        tx.update(s.table(), s.keyColumn(), s.key(), Map.of("held", why), "ROW_HELD", null,
                mapper.createObjectNode().put("supervisor", supervisor).put("held", why));
    }

    /** Messages and offline debits held after a tamper finding, as "table key: why"; they are never forwarded. */
    public List<String> heldAfterTamper() {
        return store.read("listing held rows", Outbox::held);
    }

    /**
     * A technician lets the rows held after a tamper finding for {@code key} (a message's msgid, or a sale id: its
     * offline debit and its messages) go to the center again, which judges them (a purse record changed outside the
     * terminal fails its TAC there). Each release is journalled ({@code ROW_RELEASED}, in the HMAC chain) with who and
     * why; the row keeps everything else, so it is sent as it was resealed.
     *
     * @return the rows released, as "table key"; empty when nothing held has that msgid or sale id
     */
    public List<String> releaseHeld(String key, String technician, String note) {
        return write("releasing a held row", tx -> {
            List<String> released = new ArrayList<>();
            for (Map<String, Object> r : SqliteStore.query(tx.conn(),
                    "SELECT 'outbox' AS t, 'msgid' AS c, msgid AS k, sale_id AS s FROM outbox"
                            + " WHERE held IS NOT NULL AND (msgid = ? OR sale_id = ?)"
                            + " UNION ALL SELECT 'offline_debit', 'sale_id', sale_id, sale_id FROM offline_debit"
                            + " WHERE held IS NOT NULL AND sale_id = ?", key, key, key)) {
                String table = (String) r.get("t");
                String row = (String) r.get("k");
                Map<String, Object> changes = new java.util.HashMap<>();
                changes.put("held", null); // sendable again
                tx.update(table, (String) r.get("c"), row, changes, "ROW_RELEASED", (String) r.get("s"),
                        mapper.createObjectNode().put("technician", technician).put("note", note));
                released.add(table + " " + row);
            }
            return released;
        });
    }

    /** Writes a JSON Lines export after verifying the chain, replacing {@code out} if it exists. */
    public TamperReport export(Path out, ExportMode mode) {
        return export(out, mode, true);
    }

    /**
     * Writes a JSON Lines export after verifying the chain; returns what the verification found. The export is
     * owner-only from its first byte; it is a new file, or with {@code replace} moved over {@code out} atomically.
     */
    public TamperReport export(Path out, ExportMode mode, boolean replace) {
        TamperReport report = verify();
        try {
            store.read("exporting", c -> {
                new QueueTransfer(mapper).export(c, out, mode, settings.terminal(), report.findings(), store.clock(), replace);
                return null;
            });
        } catch (java.io.UncheckedIOException e) {
            throw new QueueStoreException(QueueStoreException.Reason.IO_ERROR, "exporting to " + out, e.getCause());
        }
        return report;
    }

    public void addListener(QueueListener listener) {
        listeners.add(listener);
    }

    public void removeListener(QueueListener listener) {
        listeners.remove(listener);
    }

    private <T> T write(String what, SqliteStore.TxBody<T> body) {
        T result = store.write(what, body);
        if (!listeners.isEmpty()) {
            try {
                QueueSummary s = summary();
                notifyListeners(l -> l.summaryChanged(s));
            } catch (QueueStoreException e) {
                LOG.warn("Queue summary after {} failed: {}", what, e.getMessage());
            }
        }
        return result;
    }

    /**
     * Runs after a commit: a failing listener (or summary) must never make a committed write look failed,
     * or the caller might repeat it.
     */
    private void notifyListeners(java.util.function.Consumer<QueueListener> event) {
        for (QueueListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Queue listener {} failed: {}", l, e.toString());
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
