package org.medcard.simulator.center.tx;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.protocol.MalformedRequest;
import org.medcard.simulator.center.protocol.Request;
import org.medcard.simulator.center.protocol.TxRefusal;
import org.medcard.simulator.center.rules.SaleKind;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.Db;

/**
 * Turns a request body into an answer body, in one database transaction.
 *
 * <p>Order: read the envelope (-1 if malformed) → check {@code sign_no} (1001) → look up the
 * {@code msgid}: answered before with the same canonical {@code infno} + {@code input} → the stored
 * answer, byte for byte; with different content → 2004 → otherwise run the handler. A success or a
 * business refusal (2001–2005, 3001) is stored under the {@code msgid} in the same transaction as the
 * handler's changes (a refusal's changes are rolled back to a savepoint first). Malformed requests (-1),
 * sign-in failures (1001), 2004 and internal errors (9999) are not stored: they say nothing about the
 * business act, and the terminal may resend the same {@code msgid} once the cause is fixed.
 *
 * <p><b>Answers of queries are remembered, not committed</b> (issue 17). A successful request whose handler wrote
 * nothing (1101, 8501, 1301…) is kept in memory under its {@code msgid} (the newest
 * {@value #REMEMBERED} of them): a resend gets the same answer byte for byte and a reuse with other content
 * still gets 2004, but nothing is written, so the request costs no fsync. What a restart forgets is harmless:
 * the request changed nothing, so answering its resend afresh is answering it for the first time. Every request
 * that changes something stores its answer in its own transaction as before.
 */
public final class TxProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(TxProcessor.class);

    private final CenterStore store;
    private final Json json;
    private final Clock clock;
    private final TxSettings settings;
    private final FaultInjector faults;
    private final Map<String, TxHandler> handlers;
    /** Answers of requests that changed nothing, by msgid, oldest first; guarded by the store's transaction. */
    private final Map<String, Stored> remembered = new java.util.LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** How many answers of requests that changed nothing are remembered. */
    static final int REMEMBERED = 10_000;

    public TxProcessor(CenterStore store, Json json, Clock clock, TxSettings settings, FaultInjector faults) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.faults = faults;
        this.handlers = Map.ofEntries(
                Map.entry("9001", InfoTx::signIn),
                Map.entry("9002", InfoTx::signOut),
                Map.entry("1101", InfoTx::personInfo),
                Map.entry("1301", InfoTx::catalog),
                Map.entry("8101", InfoTx::blacklist),
                Map.entry("2101", SaleTx::pharmacyPresettle),
                Map.entry("2102", ctx -> SaleTx.settle(ctx, SaleKind.PHARMACY)),
                Map.entry("2103", SaleTx::cancel),
                Map.entry("2201", SaleTx::register),
                Map.entry("2202", SaleTx::cancelRegistration),
                Map.entry("2206", SaleTx::outpatientPresettle),
                Map.entry("2207", ctx -> SaleTx.settle(ctx, SaleKind.OUTPATIENT)),
                Map.entry("8301", OfflineTx::upload),
                Map.entry("8400", ResettleTx::register),
                Map.entry("8401", ResettleTx::resettle),
                Map.entry("8402", ResettleTx::list),
                Map.entry("8501", LoadTx::pending),
                Map.entry("8502", LoadTx::confirm),
                Map.entry("2601", ReversalTx::reverse),
                Map.entry("3201", ReconcileTx::totals),
                Map.entry("3202", ReconcileTx::detail));
    }

    /** The longest err_msg the center sends. */
    static final int MAX_ERR_MSG = 500;

    /**
     * An answer body, whether this request committed a new stored answer, and whether it is a new answer
     * remembered in memory only (the request changed nothing).
     */
    public record Answer(String body, int infcode, boolean committedNew, boolean rememberedNew) {
        public Answer(String body, int infcode, boolean committedNew) {
            this(body, infcode, committedNew, false);
        }

        /** A new answer kept under its msgid, in the database or in memory: a resend gets it again. */
        public boolean keptNew() {
            return committedNew || rememberedNew;
        }

        public byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Handles one request body. Never throws: every failure becomes an answer.
     *
     * @param badSign asked once per request other than sign-in: whether to answer 1001 without handling
     *                (injected fault)
     */
    public Answer handle(byte[] body, java.util.function.BooleanSupplier badSign) {
        JsonNode root = null;
        Request request;
        try {
            root = json.parse(body);
            request = Request.read(root);
            if (!handlers.containsKey(request.infno())) {
                throw new MalformedRequest("infno", "unknown transaction code " + request.infno());
            }
        } catch (MalformedRequest e) {
            return answer(Request.msgidOf(root), InfCode.MALFORMED, e.getMessage(), null, false);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure reading a request", e);
            return answer(Request.msgidOf(root), InfCode.INTERNAL_ERROR, "center internal error, retry later", null, false);
        }
        if (!Request.SIGN_IN.equals(request.infno()) && badSign.getAsBoolean()) {
            return answer(request.msgid(), InfCode.NOT_SIGNED_IN, "sign_no " + request.signNo() + " is not valid (injected fault)", null, false);
        }
        try {
            Answer a = store.inTransaction((db, savepoints) -> process(db, savepoints, request));
            LOG.debug("{} {} -> {}", request.infno(), request.msgid(), a.infcode());
            return a;
        } catch (RuntimeException e) {
            LOG.error("Internal error on {} msgid {}", request.infno(), request.msgid(), e);
            return answer(request.msgid(), InfCode.INTERNAL_ERROR, "center internal error, retry later", null, false);
        }
    }

    private Answer process(Db db, CenterStore.Savepoints savepoints, Request request) {
        TxContext ctx = new TxContext(request, db, json, clock, settings, faults);
        if (!Request.SIGN_IN.equals(request.infno()) && !signedIn(db, request.signNo())) {
            return answer(request.msgid(), InfCode.NOT_SIGNED_IN, "sign_no " + request.signNo() + " is not signed in; sign in with 9001", null, false);
        }
        String content = json.canonical(contentOf(request));
        Optional<Stored> previous = Optional.ofNullable(remembered.get(request.msgid())).or(() -> db.one(
                "SELECT content, answer, infcode FROM answered WHERE msgid = ?",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3)), request.msgid()));
        if (previous.isPresent()) {
            if (previous.get().content().equals(content)) {
                return new Answer(previous.get().answer(), previous.get().infcode(), false);
            }
            return answer(request.msgid(), InfCode.MSGID_CONTENT_DIFFERS, "msgid " + request.msgid()
                    + " was already used for a different request; a new business act needs a new msgid", null, false);
        }
        if (ReversalTx.wasReversed(ctx, request.msgid())) {
            return store(db, request, content, answer(request.msgid(), InfCode.RECORD_REJECTED,
                    "msgid " + request.msgid() + " was reversed (2601) before it arrived; not applied", null, true));
        }
        Object mark = savepoints.mark();
        long changesBefore = totalChanges(db);
        Answer a;
        try {
            ObjectNode output = handlers.get(request.infno()).handle(ctx);
            a = answer(request.msgid(), InfCode.OK, null, output, true);
        } catch (TxRefusal r) {
            savepoints.rollbackTo(mark);
            a = answer(request.msgid(), r.infcode(), r.getMessage(), r.output(), true);
        } catch (MalformedRequest m) {
            savepoints.rollbackTo(mark);
            return answer(request.msgid(), InfCode.MALFORMED, m.getMessage(), null, false);
        }
        if (a.infcode() == InfCode.OK && totalChanges(db) == changesBefore) {
            // A query: nothing written, the transaction stays empty and commits without touching the disk. A refusal
            // is always stored (the spec's rule): a 2601 of a settlement refused after the card's debit finds it.
            remembered.put(request.msgid(), new Stored(content, a.body(), a.infcode()));
            return new Answer(a.body(), a.infcode(), false, true);
        }
        return store(db, request, content, a);
    }

    /** Rows changed on this connection so far (rolled-back changes included, so a refusal that wrote counts). */
    private static long totalChanges(Db db) {
        return db.number("SELECT total_changes()", 0);
    }

    private Answer store(Db db, Request request, String content, Answer a) {
        db.update("INSERT INTO answered(msgid, infno, content, infcode, answer, answered_at) VALUES (?,?,?,?,?,?)",
                request.msgid(), request.infno(), content, a.infcode(), a.body(), LocalDateTime.now(clock).format(Fields.TIME));
        return a;
    }

    private JsonNode contentOf(Request request) {
        ObjectNode c = json.object();
        c.put("infno", request.infno());
        c.set("input", request.rawInput());
        return c;
    }

    private static boolean signedIn(Db db, String signNo) {
        return db.number("SELECT COUNT(*) FROM sign_in WHERE sign_no = ? AND signed_out_at IS NULL", 0, signNo) > 0;
    }

    private Answer answer(String msgid, int infcode, String message, ObjectNode output, boolean stored) {
        ObjectNode a = json.object();
        a.put("infcode", infcode);
        // Messages quote bad values shortly (Fields.quote); this is the last guard against echoing big input.
        a.put("err_msg", message == null || message.length() <= MAX_ERR_MSG ? message
                : message.substring(0, MAX_ERR_MSG) + "… (" + message.length() + " characters)");
        a.put("inf_refmsgid", msgid);
        a.put("respond_time", LocalDateTime.now(clock).format(Fields.TIME));
        a.set("output", output);
        return new Answer(json.write(a), infcode, stored);
    }

    private record Stored(String content, String answer, int infcode) {
    }
}
