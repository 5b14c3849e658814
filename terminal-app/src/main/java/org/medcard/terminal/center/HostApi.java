package org.medcard.terminal.center;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.queue.forward.CenterLink;

/**
 * The center's query transactions, typed: person info ({@code 1101}), catalog ({@code 1301}), blacklist
 * ({@code 8101}), pre-settlement ({@code 2101}). None of them moves money, so each call takes a fresh
 * {@code msgid}; settlements go through the offline queue's outbox instead.
 *
 * <p>Throws {@link CenterUnreachable} when there is no usable answer (a fault, R11) and
 * {@link CenterRefusal} when the center says no.
 */
public final class HostApi {

    private final CenterLink link;
    private final Supplier<String> msgids;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param msgids the terminal's msgid source (shared with the queue, so no two messages ever share one)
     */
    public HostApi(CenterLink link, Supplier<String> msgids) {
        this.link = link;
        this.msgids = msgids;
    }

    /** {@code 1101} by card number. */
    public PersonInfo personInfo(String cardNo) {
        ObjectNode input = json.createObjectNode().put("card_no", cardNo);
        Answers a = call("1101", input);
        List<PersonInfo.FamilyMember> family = new ArrayList<>();
        JsonNode list = a.optionalText("family") == null ? json.createArrayNode() : a.array("family");
        for (JsonNode m : list) {
            Answers f = a.child(m);
            family.add(new PersonInfo.FamilyMember(f.text("psn_no"), f.text("psn_name"), f.text("relation")));
        }
        return new PersonInfo(a.text("psn_no"), a.text("psn_name"), a.text("psn_cert_no"), a.text("insutype"),
                a.text("insuplc_admdvs"), a.text("psn_status"), a.optionalText("status_reason"),
                a.optionalDate("suspended_since"), a.optionalDate("effective_from"), a.bool("cross_region_filed"), family);
    }

    /** {@code 1301}: catalog items changed since {@code sinceVersion}, and the new version. */
    public Versioned<CatalogItem> catalog(long sinceVersion) {
        Answers a = call("1301", json.createObjectNode().put("since_version", sinceVersion));
        List<CatalogItem> items = new ArrayList<>();
        for (JsonNode n : a.array("items")) {
            Answers i = a.child(n);
            try {
                items.add(new CatalogItem(i.text("code"), i.text("name"), i.optionalText("spec"), i.optionalText("unit"),
                        i.fen("price"), i.text("category"), i.ratioBasisPoints("self_pay_ratio")));
            } catch (IllegalArgumentException e) {
                throw new CenterUnreachable("1301", "malformed catalog item: " + e.getMessage());
            }
        }
        return new Versioned<>(a.fen("version"), items);
    }

    /** {@code 8101}: blacklist entries changed since {@code sinceVersion}; removals have status NORMAL. */
    public Versioned<BlacklistEntry> blacklist(long sinceVersion) {
        Answers a = call("8101", json.createObjectNode().put("since_version", sinceVersion));
        List<BlacklistEntry> entries = new ArrayList<>();
        for (JsonNode n : a.array("entries")) {
            Answers e = a.child(n);
            entries.add(new BlacklistEntry(e.text("card_no"), e.text("psn_status"), e.optionalDate("since")));
        }
        return new Versioned<>(a.fen("version"), entries);
    }

    /** {@code 2101}: the split the center proposes for these items. */
    public PreSettlement preSettle(String psnNo, String cardNo, String beneficiaryPsnNo, LocalDate serviceDate, List<SaleLine> lines) {
        ObjectNode input = json.createObjectNode().put("psn_no", psnNo).put("card_no", cardNo).put("service_date", serviceDate.toString());
        if (beneficiaryPsnNo != null) {
            input.put("beneficiary_psn_no", beneficiaryPsnNo);
        }
        var items = input.putArray("items");
        for (SaleLine l : lines) {
            items.addObject().put("code", l.code()).put("qty", l.quantity()).put("price", l.unitPriceFen());
        }
        Answers a = call("2101", input);
        try {
            return new PreSettlement(a.text("presettle_id"), a.fen("total"), a.fen("fund_pay"), a.fen("acct_pay_max"), a.fen("cash_pay_min"));
        } catch (IllegalArgumentException e) {
            // A split that does not add up is an answer we cannot use (R11), not a bug of ours (found by fuzzing).
            throw new CenterUnreachable("2101", "malformed pre-settlement: " + e.getMessage());
        }
    }

    /** {@code 2201}: registers an outpatient visit; the answer carries the visit id and the fee's split. */
    public Registration register(String psnNo, String cardNo, String deptCode, String doctorCode, long regFeeFen) {
        return register(psnNo, cardNo, null, deptCode, doctorCode, regFeeFen);
    }

    /**
     * {@code 2201} for a family member (R3, {@code beneficiary_psn_no} as in 2101; null: the cardholder): the center
     * keeps the beneficiary with the visit, so its 2206/2207 give the pooling fund nothing.
     */
    public Registration register(String psnNo, String cardNo, String beneficiaryPsnNo, String deptCode, String doctorCode,
                                 long regFeeFen) {
        ObjectNode input = json.createObjectNode().put("psn_no", psnNo).put("card_no", cardNo).put("dept_code", deptCode)
                .put("doctor_code", doctorCode).put("reg_fee", regFeeFen);
        if (beneficiaryPsnNo != null) {
            input.put("beneficiary_psn_no", beneficiaryPsnNo);
        }
        Answers a = call("2201", input);
        return new Registration(a.text("mdtrt_id"), a.fen("reg_fee"), a.fen("fund_pay"), a.fen("acct_pay_max"),
                a.fen("cash_pay_min"), a.optionalText("no_pooling_rule"));
    }

    /** {@code 2202}: cancels a registered visit that was not settled. */
    public void cancelRegistration(String mdtrtId) {
        call("2202", json.createObjectNode().put("mdtrt_id", mdtrtId));
    }

    /** {@code 2206}: the split of a visit; the center puts the registration fee first, then these lines (may be none). */
    public PreSettlement outpatientPreSettle(String mdtrtId, List<SaleLine> lines) {
        ObjectNode input = json.createObjectNode().put("mdtrt_id", mdtrtId);
        var items = input.putArray("items");
        for (SaleLine l : lines) {
            items.addObject().put("code", l.code()).put("qty", l.quantity()).put("price", l.unitPriceFen());
        }
        Answers a = call("2206", input);
        return new PreSettlement(a.text("presettle_id"), a.fen("total"), a.fen("fund_pay"), a.fen("acct_pay_max"), a.fen("cash_pay_min"));
    }

    /** {@code 8402}: the institution's re-settlement entries, all or for one ID number (R11 case 3). */
    public List<RegisteredEntry> resettlementEntries(String psnCertNo) {
        ObjectNode input = json.createObjectNode();
        if (psnCertNo != null) {
            input.put("psn_cert_no", psnCertNo);
        }
        Answers a = call("8402", input);
        List<RegisteredEntry> entries = new ArrayList<>();
        for (JsonNode n : a.array("entries")) {
            Answers e = a.child(n);
            entries.add(new RegisteredEntry(e.text("entry_no"), e.text("fault"), e.text("original_time"), e.text("psn_cert_no"),
                    n.path("items").toString(), e.fen("cash_paid"), e.text("status"), e.optionalText("setl_id")));
        }
        return entries;
    }

    /** {@code 8501} listing: the card's pending loads (R15 contributions, R2 refunds), oldest month first. */
    public List<PendingLoad> pendingLoads(String cardNo) {
        Answers a = call("8501", json.createObjectNode().put("card_no", cardNo));
        return loads(a);
    }

    /**
     * {@code 8501} authorizing one load: the card's INITIALIZE FOR LOAD answer goes to the center, which checks
     * MAC1 and answers MAC2 (hex) for CREDIT FOR LOAD at {@code loadTime}.
     */
    public String authorizeLoad(String cardNo, String loadId, long oldBalanceFen, int onlineCounter, String cardRandomHex,
                                String mac1Hex, String terminalIdHex, java.time.LocalDateTime loadTime) {
        ObjectNode input = json.createObjectNode().put("card_no", cardNo).put("load_id", loadId).put("old_balance", oldBalanceFen)
                .put("online_counter", onlineCounter).put("card_random", cardRandomHex).put("mac1", mac1Hex)
                .put("terminal_id", terminalIdHex).put("load_time", loadTime.format(LOAD_TIME));
        return call("8501", input).text("mac2");
    }

    private List<PendingLoad> loads(Answers a) {
        List<PendingLoad> out = new ArrayList<>();
        for (JsonNode n : a.array("loads")) {
            Answers l = a.child(n);
            out.add(new PendingLoad(l.text("load_id"), l.fen("amount"), l.optionalText("month"), l.optionalText("origin")));
        }
        return out;
    }

    private static final java.time.format.DateTimeFormatter LOAD_TIME = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * {@code 3201}: the day's totals as the terminal counts them. A MISMATCH is an answer, not a refusal: the
     * center's own totals come back either way ({@code infcode} 3001 carries them in its output).
     */
    public Reconciliation reconcile(LocalDate date, long count, long fundSum, long acctSum, long cashSum) {
        ObjectNode input = json.createObjectNode().put("date", date.toString()).put("count", count).put("fund_sum", fundSum)
                .put("acct_sum", acctSum).put("cash_sum", cashSum);
        Answers a = callAllowing("3201", input, RECONCILIATION_MISMATCH);
        return new Reconciliation("MATCH".equals(a.text("result")), a.fen("count"), a.fen("fund_sum"), a.fen("acct_sum"),
                a.fen("cash_sum"));
    }

    /** {@code 3202}: the center's settlement records of the day. */
    public List<Reconciliation.CenterRecord> reconcileDetail(LocalDate date) {
        Answers a = call("3202", json.createObjectNode().put("date", date.toString()));
        List<Reconciliation.CenterRecord> out = new ArrayList<>();
        for (JsonNode n : a.array("records")) {
            Answers r = a.child(n);
            out.add(new Reconciliation.CenterRecord(r.text("setl_id"), r.optionalText("msgid"), r.optionalText("infno"),
                    r.optionalText("card_no"), r.fen("total"), r.fen("fund_pay"), r.fen("acct_pay"), r.fen("cash_pay"),
                    r.optionalText("status")));
        }
        return out;
    }

    private static final long RECONCILIATION_MISMATCH = 3001;

    /** Like {@link #call} but an answer with {@code alsoAnswer} as infcode is read like infcode 0 (its output is the point). */
    private Answers callAllowing(String infno, ObjectNode input, long alsoAnswer) {
        CenterAnswer answer = link.send(infno, msgids.get(), input.toString());
        if (answer instanceof CenterAnswer.NoAnswer none) {
            throw new CenterUnreachable(infno, none.reason());
        }
        CenterAnswer.Answered answered = (CenterAnswer.Answered) answer;
        if (answered.infcode() != 0 && answered.infcode() != alsoAnswer) {
            throw new CenterRefusal(infno, answered.infcode(), answered.errMsg(), null);
        }
        try {
            JsonNode output = json.readTree(answered.outputJson() == null ? "{}" : answered.outputJson());
            if (output == null || !output.isObject()) {
                throw new CenterUnreachable(infno, "answer has no output object");
            }
            return new Answers(infno, output);
        } catch (IOException e) {
            throw new CenterUnreachable(infno, "answer is not JSON: " + e.getMessage());
        }
    }

    private Answers call(String infno, ObjectNode input) {
        String inputJson;
        try {
            inputJson = json.writeValueAsString(input);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        CenterAnswer answer = link.send(infno, msgids.get(), inputJson);
        if (answer instanceof CenterAnswer.NoAnswer none) {
            throw new CenterUnreachable(infno, none.reason());
        }
        CenterAnswer.Answered answered = (CenterAnswer.Answered) answer;
        JsonNode output;
        try {
            output = json.readTree(answered.outputJson() == null ? "{}" : answered.outputJson());
        } catch (IOException e) {
            throw new CenterUnreachable(infno, "answer is not JSON: " + e.getMessage());
        }
        if (answered.infcode() != 0) {
            JsonNode status = output == null ? null : output.get("psn_status");
            throw new CenterRefusal(infno, answered.infcode(), answered.errMsg(), status == null ? null : status.asText());
        }
        if (output == null || !output.isObject()) {
            throw new CenterUnreachable(infno, "answer has no output object");
        }
        return new Answers(infno, output);
    }
}
