package org.medcard.terminal.center;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.card.CancelReason;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.EntryKind;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostRequest.AuthorizeLoad8501;
import org.medcard.terminal.center.HostRequest.Blacklist8101;
import org.medcard.terminal.center.HostRequest.CancelRegistration2202;
import org.medcard.terminal.center.HostRequest.CancelSettlement2103;
import org.medcard.terminal.center.HostRequest.Catalog1301;
import org.medcard.terminal.center.HostRequest.ConfirmLoad8502;
import org.medcard.terminal.center.HostRequest.Entries8402;
import org.medcard.terminal.center.HostRequest.OfflineRecord;
import org.medcard.terminal.center.HostRequest.OutpatientPreSettle2206;
import org.medcard.terminal.center.HostRequest.OutpatientSettle2207;
import org.medcard.terminal.center.HostRequest.PendingLoads8501;
import org.medcard.terminal.center.HostRequest.PersonInfo1101;
import org.medcard.terminal.center.HostRequest.PreSettle2101;
import org.medcard.terminal.center.HostRequest.Reconcile3201;
import org.medcard.terminal.center.HostRequest.ReconcileDetail3202;
import org.medcard.terminal.center.HostRequest.Register2201;
import org.medcard.terminal.center.HostRequest.RegisterEntry8400;
import org.medcard.terminal.center.HostRequest.Resettle8401;
import org.medcard.terminal.center.HostRequest.Reverse2601;
import org.medcard.terminal.center.HostRequest.Settle2102;
import org.medcard.terminal.center.HostRequest.SignIn9001;
import org.medcard.terminal.center.HostRequest.SignOut9002;
import org.medcard.terminal.center.HostRequest.UploadOffline8301;
import org.medcard.terminal.status.CardStatus;

/**
 * The one place that knows the host wire format ({@code host-protocol.md}): transaction codes, the {@code input}
 * of every {@link HostRequest} and the {@code output} of every answer. Requests are encoded to an
 * {@link EncodedMessage} (what the queue stores and the link sends), stored messages are decoded back, and answers
 * are read into typed values.
 *
 * <p>Errors: a center answer that cannot be read is a {@link MalformedAnswer} naming the field (a fault, R11); an
 * infcode other than 0 is a {@link CenterRefusal}; no answer is a {@link CenterUnreachable}. A stored message that
 * cannot be decoded (written by another program, or damaged) is an {@link IllegalArgumentException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class HostCodec {
    /** {@code 3201}: the totals differ; the output carries the center's totals all the same. */
    public static final long RECONCILIATION_MISMATCH = 3001;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final ObjectMapper json = new ObjectMapper();

    // ------------------------------------------------------------------ transaction codes

    /** The transaction code ({@code infno}) of a request. */
    public String infno(HostRequest<?> r) {
        if (r instanceof SignIn9001) {
            return "9001";
        } else if (r instanceof SignOut9002) {
            return "9002";
        } else if (r instanceof PersonInfo1101) {
            return "1101";
        } else if (r instanceof Catalog1301) {
            return "1301";
        } else if (r instanceof Blacklist8101) {
            return "8101";
        } else if (r instanceof PreSettle2101) {
            return "2101";
        } else if (r instanceof Settle2102) {
            return "2102";
        } else if (r instanceof CancelSettlement2103) {
            return "2103";
        } else if (r instanceof Register2201) {
            return "2201";
        } else if (r instanceof CancelRegistration2202) {
            return "2202";
        } else if (r instanceof OutpatientPreSettle2206) {
            return "2206";
        } else if (r instanceof OutpatientSettle2207) {
            return "2207";
        } else if (r instanceof UploadOffline8301) {
            return "8301";
        } else if (r instanceof RegisterEntry8400) {
            return "8400";
        } else if (r instanceof Resettle8401) {
            return "8401";
        } else if (r instanceof Entries8402) {
            return "8402";
        } else if (r instanceof PendingLoads8501 || r instanceof AuthorizeLoad8501) {
            return "8501";
        } else if (r instanceof ConfirmLoad8502) {
            return "8502";
        } else if (r instanceof Reverse2601) {
            return "2601";
        } else if (r instanceof Reconcile3201) {
            return "3201";
        } else if (r instanceof ReconcileDetail3202) {
            return "3202";
        }
        throw new IllegalArgumentException("no transaction code for " + r);
    }

    // ------------------------------------------------------------------ requests

    /** The request as the queue stores it and the link sends it. */
    public EncodedMessage encode(HostRequest<?> r) {
        return new EncodedMessage(infno(r), input(r).toString());
    }

    private ObjectNode input(HostRequest<?> r) {
        ObjectNode in = json.createObjectNode();
        if (r instanceof SignIn9001 s) {
            in.put("opter", s.opter()).put("dev_no", s.devNo());
            putIfSet(in, "mac", s.mac());
        } else if (r instanceof SignOut9002 s) {
            in.put("sign_no", s.signNo());
        } else if (r instanceof PersonInfo1101 p) {
            putIfSet(in, "card_no", p.cardNo());
            putIfSet(in, "psn_cert_no", p.psnCertNo());
        } else if (r instanceof Catalog1301 c) {
            in.put("since_version", c.sinceVersion());
        } else if (r instanceof Blacklist8101 b) {
            in.put("since_version", b.sinceVersion());
        } else if (r instanceof PreSettle2101 p) {
            in.put("psn_no", p.psnNo()).put("card_no", p.cardNo()).put("service_date", p.serviceDate().toString());
            putIfSet(in, "beneficiary_psn_no", p.beneficiaryPsnNo());
            in.set("items", itemsNode(p.items()));
            putIfSet(in, "kind", p.kind() == null ? null : p.kind().name());
        } else if (r instanceof Settle2102 s) {
            settle(in, s.presettleId(), s.accountFen(), s.cashFen(), s.purse());
        } else if (r instanceof CancelSettlement2103 c) {
            in.put("setl_id", c.setlId()).put("reason", c.reason());
        } else if (r instanceof Register2201 g) {
            in.put("psn_no", g.psnNo()).put("card_no", g.cardNo());
            putIfSet(in, "beneficiary_psn_no", g.beneficiaryPsnNo());
            in.put("dept_code", g.deptCode()).put("doctor_code", g.doctorCode()).put("reg_fee", g.regFeeFen());
        } else if (r instanceof CancelRegistration2202 c) {
            in.put("mdtrt_id", c.mdtrtId());
        } else if (r instanceof OutpatientPreSettle2206 p) {
            in.put("mdtrt_id", p.mdtrtId());
            in.set("items", itemsNode(p.items()));
        } else if (r instanceof OutpatientSettle2207 s) {
            settle(in, s.presettleId(), s.accountFen(), s.cashFen(), s.purse());
        } else if (r instanceof UploadOffline8301 u) {
            ArrayNode records = in.putArray("records");
            u.records().forEach(rec -> records.add(offlineRecordNode(rec)));
        } else if (r instanceof RegisterEntry8400 e) {
            entry(in, e.entryNo(), e.fault(), e.originalTime(), e.psnCertNo(), null, e.items(), e.cashPaidFen());
            if (e.acctPaidFen() > 0 || e.offlineMsgid() != null) {
                in.put("acct_paid", e.acctPaidFen());
                putIfSet(in, "offline_msgid", e.offlineMsgid());
            }
            putIfSet(in, "kind", e.kind() == null ? null : e.kind().name());
        } else if (r instanceof Resettle8401 e) {
            entry(in, e.entryNo(), e.fault(), e.originalTime(), e.psnCertNo(), e.cardNo(), e.items(), e.cashPaidFen());
            if (e.acctPaidFen() > 0 || e.offlineMsgid() != null) {
                in.put("acct_paid", e.acctPaidFen());
                putIfSet(in, "offline_msgid", e.offlineMsgid());
            }
            putIfSet(in, "kind", e.kind() == null ? null : e.kind().name());
            if (e.purse() != null) {
                in.set("purse", purseNode(e.purse()));
            }
        } else if (r instanceof Entries8402 e) {
            putIfSet(in, "psn_cert_no", e.psnCertNo());
        } else if (r instanceof PendingLoads8501 p) {
            in.put("card_no", p.cardNo());
        } else if (r instanceof AuthorizeLoad8501 a) {
            in.put("card_no", a.cardNo()).put("load_id", a.loadId()).put("old_balance", a.oldBalanceFen())
                    .put("online_counter", a.onlineCounter()).put("card_random", a.cardRandomHex()).put("mac1", a.mac1Hex())
                    .put("terminal_id", a.terminalIdHex()).put("load_time", a.loadTime().format(TIME));
        } else if (r instanceof ConfirmLoad8502 c) {
            in.put("load_id", c.loadId()).put("card_no", c.cardNo()).put("online_counter", c.onlineCounter());
            if (c.tac() != null) {
                in.put("tac", c.tac());
            } else {
                in.put("proof", "CARD_LOG"); // credited as the card's own log shows (a torn load, see load.MonthlyLoads)
            }
        } else if (r instanceof Reverse2601 v) {
            in.put("omsgid", v.omsgid()).put("oinfno", v.oinfno());
        } else if (r instanceof Reconcile3201 c) {
            in.put("date", c.date().toString()).put("count", c.count()).put("fund_sum", c.fundSum())
                    .put("acct_sum", c.acctSum()).put("cash_sum", c.cashSum());
            putIfSet(in, "term_no", c.termNo());
        } else if (r instanceof ReconcileDetail3202 d) {
            in.put("date", d.date().toString());
            putIfSet(in, "term_no", d.termNo());
        } else {
            throw new IllegalArgumentException("no encoding for " + r);
        }
        return in;
    }

    private void settle(ObjectNode in, String presettleId, long account, long cash, PurseRecord purse) {
        in.put("presettle_id", presettleId).put("acct_pay", account).put("cash_pay", cash);
        if (purse != null) {
            in.set("purse", purseNode(purse));
        }
    }

    private void entry(ObjectNode in, String entryNo, String fault, String originalTime, String psnCertNo, String cardNo,
                       List<SaleLine> items, long cashPaid) {
        in.put("entry_no", entryNo).put("fault", fault).put("original_time", originalTime).put("psn_cert_no", psnCertNo);
        putIfSet(in, "card_no", cardNo);
        in.set("items", itemsNode(items));
        in.put("cash_paid", cashPaid);
    }

    private static void putIfSet(ObjectNode in, String field, String value) {
        if (value != null) {
            in.put(field, value);
        }
    }

    private ArrayNode itemsNode(List<SaleLine> items) {
        ArrayNode a = json.createArrayNode();
        for (SaleLine l : items) {
            a.addObject().put("code", l.code()).put("qty", l.quantity()).put("price", l.unitPriceFen());
        }
        return a;
    }

    private ObjectNode purseNode(PurseRecord p) {
        return json.createObjectNode().put("card_no", p.cardNo()).put("offline_counter", p.offlineCounter())
                .put("amount", p.amount()).put("tx_type", p.txType()).put("terminal_id", p.terminalId())
                .put("terminal_seq", p.terminalSeq()).put("tx_time", p.txTime()).put("tac", p.tac());
    }

    private ObjectNode offlineRecordNode(OfflineRecord r) {
        ObjectNode n = purseNode(r.purse());
        n.put("psn_cert_no", r.psnCertNo());
        n.set("items", itemsNode(r.items()));
        n.put("acct_pay", r.acctPayFen()).put("cash_pay", r.cashPayFen());
        return n;
    }

    /** A sale's items as the queue stores them (a JSON array of code, qty, price). */
    public String items(List<SaleLine> items) {
        return itemsNode(items).toString();
    }

    /** Items stored as {@link #items(List)} wrote them. */
    public List<SaleLine> items(String itemsJson) {
        JsonNode list = parse(itemsJson, "items");
        if (!list.isArray()) {
            throw new IllegalArgumentException("items must be a JSON array");
        }
        return stored("items", () -> itemsOf(new Answers("items", list), list));
    }

    /** A card debit record as the queue stores it. */
    public String purse(PurseRecord p) {
        return purseNode(p).toString();
    }

    /** A card debit record stored as {@link #purse(PurseRecord)} wrote it. */
    public PurseRecord purse(String purseJson) {
        return stored("purse", () -> purse(new Answers("purse", parse(purseJson, "purse"))));
    }

    // ------------------------------------------------------------------ decoding stored requests

    /**
     * A stored message read back as the request it encodes.
     *
     * @throws IllegalArgumentException when it is not a request of the host protocol
     */
    public HostRequest<?> decode(EncodedMessage m) {
        String infno = m.transaction();
        return stored(infno, () -> decode(infno, new Answers(infno, parse(m.input(), infno + " input"))));
    }

    /** {@link #decode}, or empty when the stored message is not a request this codec can read (logged by the caller). */
    public java.util.Optional<HostRequest<?>> tryDecode(EncodedMessage m) {
        try {
            return java.util.Optional.of(decode(m));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private HostRequest<?> decode(String infno, Answers in) {
        switch (infno) {
            case "9001":
                return new SignIn9001(in.text("opter"), in.text("dev_no"), in.optionalText("mac"));
            case "9002":
                return new SignOut9002(in.text("sign_no"));
            case "1101":
                return new PersonInfo1101(in.optionalText("card_no"), in.optionalText("psn_cert_no"));
            case "1301":
                return new Catalog1301(in.optionalInteger("since_version", 0));
            case "8101":
                return new Blacklist8101(in.optionalInteger("since_version", 0));
            case "2101":
                return new PreSettle2101(in.text("psn_no"), in.text("card_no"), in.optionalText("beneficiary_psn_no"),
                        date(in, "service_date"), items(in, "items"), kind(in));
            case "2102":
                return new Settle2102(in.text("presettle_id"), in.fen("acct_pay"), in.fen("cash_pay"), optionalPurse(in));
            case "2103":
                return new CancelSettlement2103(in.text("setl_id"), in.optionalText("reason"));
            case "2201":
                return new Register2201(in.text("psn_no"), in.text("card_no"), in.optionalText("beneficiary_psn_no"), in.text("dept_code"), in.optionalText("doctor_code"),
                        in.fen("reg_fee"));
            case "2202":
                return new CancelRegistration2202(in.text("mdtrt_id"));
            case "2206":
                return new OutpatientPreSettle2206(in.text("mdtrt_id"), items(in, "items"));
            case "2207":
                return new OutpatientSettle2207(in.text("presettle_id"), in.fen("acct_pay"), in.fen("cash_pay"),
                        optionalPurse(in));
            case "8301":
                List<OfflineRecord> records = new ArrayList<>();
                for (JsonNode n : in.array("records")) {
                    Answers rec = in.child(n);
                    records.add(new OfflineRecord(purse(rec), rec.text("psn_cert_no"), items(rec, "items"), rec.fen("acct_pay"),
                            rec.fen("cash_pay")));
                }
                return new UploadOffline8301(records);
            case "8400":
                return new RegisterEntry8400(in.text("entry_no"), in.text("fault"), in.text("original_time"),
                        in.text("psn_cert_no"), items(in, "items"), in.fen("cash_paid"), in.optionalLong("acct_paid", 0),
                        in.optionalText("offline_msgid"), kind(in));
            case "8401":
                return new Resettle8401(in.text("entry_no"), in.text("fault"), in.text("original_time"), in.text("psn_cert_no"),
                        in.text("card_no"), items(in, "items"), in.fen("cash_paid"), optionalPurse(in), in.optionalLong("acct_paid", 0),
                        in.optionalText("offline_msgid"), kind(in));
            case "8402":
                return new Entries8402(in.optionalText("psn_cert_no"));
            case "8501":
                if (!in.has("load_id")) {
                    return new PendingLoads8501(in.text("card_no"));
                }
                return new AuthorizeLoad8501(in.text("card_no"), in.text("load_id"), in.fen("old_balance"),
                        (int) in.fen("online_counter"), in.text("card_random"), in.text("mac1"), in.text("terminal_id"),
                        dateTime(in, "load_time"));
            case "8502":
                return new ConfirmLoad8502(in.text("load_id"), in.text("card_no"), (int) in.fen("online_counter"),
                        in.optionalText("tac"));
            case "2601":
                return new Reverse2601(in.text("omsgid"), in.text("oinfno"));
            case "3201":
                return new Reconcile3201(date(in, "date"), in.fen("count"), in.fen("fund_sum"), in.fen("acct_sum"),
                        in.fen("cash_sum"), in.optionalText("term_no"));
            case "3202":
                return new ReconcileDetail3202(date(in, "date"), in.optionalText("term_no"));
            default:
                throw new IllegalArgumentException("unknown transaction code " + infno);
        }
    }

    /** {@code kind} of 2101/8400/8401, null when left out (a pharmacy sale, or an entry recorded before kinds). */
    private static EntryKind kind(Answers in) {
        String k = in.optionalText("kind");
        return k == null ? null : EntryKind.valueOf(k);
    }

    private PurseRecord optionalPurse(Answers in) {
        JsonNode p = in.node().get("purse");
        return p == null || p.isNull() ? null : purse(in.child(p));
    }

    private static PurseRecord purse(Answers p) {
        return new PurseRecord(p.text("card_no"), (int) p.fen("offline_counter"), p.fen("amount"), (int) p.fen("tx_type"),
                p.text("terminal_id"), p.fen("terminal_seq"), p.text("tx_time"), p.text("tac"));
    }

    private static List<SaleLine> items(Answers in, String field) {
        return itemsOf(in, in.array(field));
    }

    private static List<SaleLine> itemsOf(Answers in, JsonNode list) {
        List<SaleLine> lines = new ArrayList<>();
        for (JsonNode n : list) {
            Answers l = in.child(n);
            long qty = l.fen("qty");
            if (qty > Integer.MAX_VALUE) {
                throw l.malformed("qty", "at most " + Integer.MAX_VALUE);
            }
            lines.add(new SaleLine(l.text("code"), (int) qty, l.fen("price")));
        }
        return lines;
    }

    private static LocalDate date(Answers in, String field) {
        try {
            return LocalDate.parse(in.text(field));
        } catch (DateTimeParseException e) {
            throw in.malformed(field, "a date yyyy-MM-dd");
        }
    }

    private static LocalDateTime dateTime(Answers in, String field) {
        try {
            return LocalDateTime.parse(in.text(field), TIME);
        } catch (DateTimeParseException e) {
            throw in.malformed(field, "a time yyyy-MM-dd HH:mm:ss");
        }
    }

    /** Runs a reader over stored JSON; a field that cannot be read becomes an IllegalArgumentException. */
    private static <T> T stored(String what, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (MalformedAnswer e) {
            throw new IllegalArgumentException("stored " + what + " message cannot be read: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String text, String what) {
        try {
            JsonNode n = json.readTree(text == null ? "" : text);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ answers

    /**
     * What came back for {@code request}, typed.
     *
     * @throws CenterUnreachable no answer (a fault, R11)
     * @throws MalformedAnswer   an answer that cannot be read (also a fault)
     * @throws CenterRefusal     infcode other than 0 (for 3201 also other than 3001, a MISMATCH with the center's totals)
     */
    public <A> A read(HostRequest<A> request, CenterAnswer answer) {
        String infno = infno(request);
        if (answer instanceof CenterAnswer.Accepted a) {
            return answer(request, a.output());
        }
        if (answer instanceof CenterAnswer.Refused r) {
            if (request instanceof Reconcile3201 && r.code() == RECONCILIATION_MISMATCH) {
                return answer(request, r.output()); // a MISMATCH carries the center's own totals
            }
            throw new CenterRefusal(infno, r.code(), r.message(), refusalStatus(r.output()));
        }
        if (answer instanceof CenterAnswer.Retry r) {
            // A query is not queued: "send it again" is the caller's to decide (sign in again first on 1001).
            throw new CenterRefusal(infno, r.code(), r.message(), null);
        }
        throw new CenterUnreachable(infno, ((CenterAnswer.NoAnswer) answer).reason());
    }

    /** For a refusal: {@code output.psn_status} when the center says which card status forbade it. */
    private String refusalStatus(String output) {
        try {
            JsonNode out = json.readTree(output == null ? "{}" : output);
            JsonNode status = out == null ? null : out.get("psn_status");
            return status == null || status.isNull() ? null : status.asText();
        } catch (IOException e) {
            return null; // the refusal stands; only its detail is unreadable
        }
    }

    /**
     * Reads the {@code output} of an accepted answer to {@code request} (null or absent output reads as {@code {}}).
     *
     * @throws MalformedAnswer naming the field that cannot be read
     */
    @SuppressWarnings("unchecked")
    public <A> A answer(HostRequest<A> request, String outputJson) {
        String infno = infno(request);
        JsonNode output;
        try {
            output = json.readTree(outputJson == null ? "{}" : outputJson);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedAnswer(infno, null, "is not JSON (" + why + ")");
        }
        if (output == null || output.isMissingNode()) {
            output = json.createObjectNode();
        }
        if (!output.isObject()) {
            throw new MalformedAnswer(infno, null, "has no output object");
        }
        Answers a = new Answers(infno, output);
        try {
            return (A) read(request, a);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // A value that reads but does not make sense (a split that does not add up, a negative load…).
            throw new MalformedAnswer(infno, null, e.getMessage());
        }
    }

    /**
     * The answer stored with a settlement message ({@code 2102}, {@code 2207}), e.g. an outbox message's
     * {@code resultJson}.
     *
     * @throws IllegalArgumentException when {@code settlement} is no settlement
     * @throws MalformedAnswer          when the answer cannot be read
     */
    public Settled settled(EncodedMessage settlement, String output) {
        HostRequest<?> r = decode(settlement);
        if (r instanceof Settle2102 s) {
            return answer(s, output);
        }
        if (r instanceof OutpatientSettle2207 s) {
            return answer(s, output);
        }
        throw new IllegalArgumentException(settlement.transaction() + " is not a settlement");
    }

    /** The answer stored with a re-settlement message ({@code 8401}); thrown as {@link #settled}. */
    public Resettled resettled(EncodedMessage resettlement, String output) {
        if (decode(resettlement) instanceof Resettle8401 r) {
            return answer(r, output);
        }
        throw new IllegalArgumentException(resettlement.transaction() + " is not a re-settlement");
    }

    private Object read(HostRequest<?> r, Answers a) {
        if (r instanceof SignIn9001) {
            return new SignedIn(a.text("sign_no"), a.optionalText("sign_time"));
        } else if (r instanceof SignOut9002 || r instanceof CancelRegistration2202) {
            return new Acknowledged();
        } else if (r instanceof PersonInfo1101) {
            return personInfo(a);
        } else if (r instanceof Catalog1301) {
            return catalog(a);
        } else if (r instanceof Blacklist8101) {
            List<BlacklistEntry> entries = new ArrayList<>();
            for (JsonNode n : a.array("entries")) {
                Answers e = a.child(n);
                entries.add(new BlacklistEntry(e.text("card_no"), e.text("psn_status"), e.optionalDate("since")));
            }
            return new Versioned<>(a.fen("version"), entries);
        } else if (r instanceof PreSettle2101 || r instanceof OutpatientPreSettle2206) {
            return new PreSettlement(a.text("presettle_id"), a.fen("total"), a.fen("fund_pay"), a.fen("acct_pay_max"),
                    a.fen("cash_pay_min"));
        } else if (r instanceof Settle2102 || r instanceof OutpatientSettle2207) {
            return new Settled(a.text("setl_id"), a.optionalLong("total", 0), a.fen("fund_pay"), a.optionalLong("acct_pay", 0),
                    a.optionalLong("cash_pay", 0), a.optionalFen("acct_balance_shadow"));
        } else if (r instanceof CancelSettlement2103) {
            return new SettlementCancelled(a.fen("refund_acct"), a.optionalLong("refund_fund", 0), a.optionalText("load_id"));
        } else if (r instanceof Register2201) {
            return new Registration(a.text("mdtrt_id"), a.fen("reg_fee"), a.fen("fund_pay"), a.fen("acct_pay_max"),
                    a.fen("cash_pay_min"), a.optionalText("no_pooling_rule"));
        } else if (r instanceof UploadOffline8301) {
            List<UploadResults.RecordResult> results = new ArrayList<>();
            for (JsonNode n : a.array("results")) {
                Answers res = a.child(n);
                String result = res.optionalText("result");
                results.add(new UploadResults.RecordResult(res.optionalText("card_no"), res.optionalInteger("offline_counter", -1),
                        result != null ? result : res.optionalText("status"), res.optionalText("setl_id"), res.optionalText("reason")));
            }
            return new UploadResults(results);
        } else if (r instanceof RegisterEntry8400 e) {
            String entryNo = a.optionalText("entry_no");
            return new EntryRegistered(entryNo == null ? e.entryNo() : entryNo, a.optionalBool("registered", true),
                    a.optionalBool("already_registered", false));
        } else if (r instanceof Resettle8401 e) {
            long fund = a.fen("fund_pay");
            long acct = a.optionalLong("acct_pay", 0);
            String entryNo = a.optionalText("entry_no");
            return new Resettled(entryNo == null ? e.entryNo() : entryNo, a.text("setl_id"), a.optionalLong("total", 0), fund,
                    acct, a.optionalLong("refund_to_patient", fund + acct), a.optionalFen("acct_balance_shadow"));
        } else if (r instanceof Entries8402) {
            List<RegisteredEntry> entries = new ArrayList<>();
            for (JsonNode n : a.array("entries")) {
                Answers e = a.child(n);
                String kind = e.optionalText("kind");
                entries.add(new RegisteredEntry(e.text("entry_no"), e.text("fault"), e.text("original_time"), e.text("psn_cert_no"),
                        n.path("items").toString(), e.fen("cash_paid"), e.text("status"), e.optionalText("setl_id"),
                        kind == null ? EntryKind.PHARMACY : EntryKind.valueOf(kind), e.optionalLong("acct_paid", 0),
                        e.optionalText("offline_msgid")));
            }
            return entries;
        } else if (r instanceof PendingLoads8501) {
            return loads(a);
        } else if (r instanceof AuthorizeLoad8501) {
            return new LoadAuthorization(a.text("mac2"), a.has("loads") ? loads(a) : List.of());
        } else if (r instanceof ConfirmLoad8502 c) {
            String loadId = a.optionalText("load_id");
            return new LoadConfirmed(loadId == null ? c.loadId() : loadId, a.optionalBool("confirmed", true));
        } else if (r instanceof Reverse2601) {
            return new Reversal(a.optionalBool("reversed", false), a.optionalText("reason"), a.optionalText("setl_id"),
                    a.optionalLong("refund_acct", 0), a.optionalText("load_id"));
        } else if (r instanceof Reconcile3201) {
            return new Reconciliation("MATCH".equals(a.text("result")), a.fen("count"), a.fen("fund_sum"), a.fen("acct_sum"),
                    a.fen("cash_sum"));
        } else if (r instanceof ReconcileDetail3202) {
            List<Reconciliation.CenterRecord> out = new ArrayList<>();
            for (JsonNode n : a.array("records")) {
                Answers c = a.child(n);
                out.add(new Reconciliation.CenterRecord(c.text("setl_id"), c.optionalText("msgid"), c.optionalText("infno"),
                        c.optionalText("card_no"), c.fen("total"), c.fen("fund_pay"), c.fen("acct_pay"), c.fen("cash_pay"),
                        c.optionalText("status")));
            }
            return out;
        }
        throw new IllegalArgumentException("no answer reader for " + r);
    }

    private PersonInfo personInfo(Answers a) {
        List<PersonInfo.FamilyMember> family = new ArrayList<>();
        JsonNode list = a.optionalText("family") == null ? json.createArrayNode() : a.array("family");
        for (JsonNode m : list) {
            Answers f = a.child(m);
            family.add(new PersonInfo.FamilyMember(f.text("psn_no"), f.text("psn_name"), f.text("relation"), f.optionalText("psn_cert_no")));
        }
        String word = a.text("psn_status");
        CardStatus status = StatusWords.status(word)
                .orElseThrow(() -> new MalformedAnswer("1101", "psn_status", "unknown value '" + word + "'"));
        Optional<CancelReason> reason = Optional.empty();
        if (status == CardStatus.CANCELLED) {
            String why = a.optionalText("status_reason");
            reason = Optional.of(StatusWords.reason(why)
                    .orElseThrow(() -> new MalformedAnswer("1101", "status_reason", "unknown value '" + why + "'")));
        }
        return new PersonInfo(a.text("psn_no"), a.text("psn_name"), a.text("psn_cert_no"), a.text("insutype"),
                a.text("insuplc_admdvs"), status, reason,
                a.optionalDate("suspended_since"), a.optionalDate("effective_from"), a.bool("cross_region_filed"), family);
    }

    private Versioned<CatalogItem> catalog(Answers a) {
        List<CatalogItem> items = new ArrayList<>();
        for (JsonNode n : a.array("items")) {
            Answers i = a.child(n);
            try {
                items.add(new CatalogItem(i.text("code"), i.text("name"), i.optionalText("spec"), i.optionalText("unit"),
                        i.fen("price"), i.text("category"), i.ratioBasisPoints("self_pay_ratio")));
            } catch (IllegalArgumentException e) {
                throw new MalformedAnswer("1301", null, "catalog item: " + e.getMessage());
            }
        }
        return new Versioned<>(a.fen("version"), items);
    }

    private static List<PendingLoad> loads(Answers a) {
        List<PendingLoad> out = new ArrayList<>();
        for (JsonNode n : a.array("loads")) {
            Answers l = a.child(n);
            out.add(new PendingLoad(l.text("load_id"), l.fen("amount"), l.optionalText("month"), l.optionalText("origin")));
        }
        return out;
    }
}
