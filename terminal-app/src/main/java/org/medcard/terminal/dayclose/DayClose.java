package org.medcard.terminal.dayclose;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSummary;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.Reconciliation;
import org.medcard.terminal.center.Resettled;
import org.medcard.terminal.center.Reversal;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.center.SettlementCancelled;
import org.medcard.terminal.center.UploadResults;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.DayCloseReport.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one business day from the queue and reconciles it with the center.
 *
 * <p>What the terminal counts for the center is what the center settled that day: the center dates a settlement
 * by the day it made it ({@code setl_date}), so the terminal takes the answered messages (state DONE, infcode 0)
 * by the local date of their answer: {@code 2102} and {@code 2207} (online pharmacy sales and outpatient
 * settlements), {@code 8301} (each ACCEPTED record of a batch: offline debits, the fund pays nothing offline),
 * {@code 8401} (re-settlements). A {@code 2103} void or a {@code 2601} reversal answered {@code reversed} takes its
 * settlement out of the reconciled sums, as the center counts SETTLED rows only. Cash taken during a fault is the
 * terminal's own figure (entries made that day); the center learns of it only through the later re-settlement,
 * so it is reported but not reconciled.
 *
 * <p>A counter reconciles its own day: {@code 3201}/{@code 3202} carry its terminal number ({@code term_no}, the
 * msgid's digits 27–28), so every counter of an institution can get MATCH. {@link #closeInstitution} is the
 * supervisor's view of the whole institution (no {@code term_no}), each counter's totals from {@code 3202}.
 *
 * <p>The report's rows carry what moved at the counter: a void row the fund, account and cash shares handed
 * back (the voided sale's own figures), a re-settlement row the fund and account shares and, as cash, the refund
 * handed to the patient; {@link DayCloseReport.NetTotal} nets them into the cash the drawer should hold.
 */
public final class DayClose {
    private final OfflineQueue queue;
    private final Optional<HostApi> center;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(DayClose.class);

    private final HostCodec codec = new HostCodec();
    /** This counter's two-digit terminal number; null: read from a msgid of the terminal's own queue. */
    private final String termNo;

    /** The counter's number is read from its queue (every msgid carries it). */
    public DayClose(OfflineQueue queue, Optional<HostApi> center, Clock clock) {
        this(queue, center, clock, null);
    }

    /** @param termNo the counter's terminal number (as configured, one or two digits), or null to read it from the queue */
    public DayClose(OfflineQueue queue, Optional<HostApi> center, Clock clock, String termNo) {
        this.queue = queue;
        this.center = center;
        this.clock = clock;
        this.termNo = termNo == null ? null : twoDigits(termNo);
    }

    private static String twoDigits(String termNo) {
        String t = termNo.trim();
        if (!t.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("terminal number must be one or two digits: " + termNo);
        }
        return t.length() == 1 ? "0" + t : t;
    }

    /** The counter's terminal number as the center knows it (the msgid's digits 27–28). */
    public String termNo() {
        return termNo != null ? termNo : queue.reserveMsgid().substring(26, 28);
    }

    /** One settlement as the terminal knows it. */
    public record Counted(Source source, String setlId, String msgid, long fundFen, long acctFen, long cashFen) {
    }

    /** A record the two sides do not agree on ({@code 3202}). */
    public record Difference(String setlId, String what, Counted terminal, Reconciliation.CenterRecord center) {
    }

    /** The whole day-close model. */
    public record Result(LocalDate date, List<DayCloseReport.SourceTotal> totals, List<Counted> settled,
                         DayCloseReport.Reconciliation reconciliation, List<Difference> differences,
                         DayCloseReport.QueueState queue, List<DayCloseReport.OpenEntry> openEntries) {
        public Result {
            totals = List.copyOf(totals);
            settled = List.copyOf(settled);
            differences = List.copyOf(differences);
            openEntries = List.copyOf(openEntries);
        }

        /** The reconciled totals (every source the center settles). */
        public long count() {
            return settled.size();
        }

        public long fundSum() {
            return settled.stream().mapToLong(Counted::fundFen).sum();
        }

        public long acctSum() {
            return settled.stream().mapToLong(Counted::acctFen).sum();
        }

        public long cashSum() {
            return settled.stream().mapToLong(Counted::cashFen).sum();
        }

        public DayCloseReport toReport(org.medcard.terminal.receipt.ReceiptHeader header) {
            return new DayCloseReport(header, date, totals, reconciliation, queue, openEntries);
        }
    }

    public Result close(LocalDate date) {
        ZoneId zone = clock.getZone();
        List<Counted> counted = new ArrayList<>();
        Map<Source, long[]> sums = new EnumMap<>(Source.class);
        Map<String, Counted> bySetlId = new HashMap<>();
        Map<String, Counted> byMsgid = new HashMap<>();
        List<Undo> undone = new ArrayList<>();
        // Every answered settlement, of any day: a void today may hand back a sale of an earlier day.
        for (OutboxMessage m : queue.messages(OutboxState.DONE)) {
            if (m.centerCode() == null || m.centerCode() != 0) {
                continue;
            }
            boolean today = date.equals(LocalDateTime.ofInstant(m.updatedAt(), zone).toLocalDate());
            Optional<HostRequest<?>> request = codec.tryDecode(m.message());
            if (request.isEmpty()) {
                if (today) {
                    LOG.warn("Day close: message {} ({}) is not a host request this terminal can read; not counted", m.msgid(), m.transaction());
                }
                continue;
            }
            try {
                for (Counted c : settlements(m, request.get())) {
                    bySetlId.put(c.setlId(), c);
                    byMsgid.putIfAbsent(c.msgid(), c);
                    if (today) {
                        counted.add(c);
                        add(sums, c.source(), c.fundFen(), c.acctFen(), c.source() == Source.RESETTLEMENT ? refund(m, request.get()) : c.cashFen());
                    }
                }
                if (today) {
                    undo(m, request.get()).ifPresent(undone::add);
                }
            } catch (CenterUnreachable e) {
                LOG.warn("Day close: the answer to {} ({}) cannot be read, not counted: {}", m.msgid(), m.transaction(), e.getMessage());
            }
        }
        Set<String> undoneSetlIds = new HashSet<>();
        for (Undo u : undone) {
            Counted original = u.setlId() != null && bySetlId.containsKey(u.setlId()) ? bySetlId.get(u.setlId())
                    : u.omsgid() == null ? null : byMsgid.get(u.omsgid());
            if (original != null) {
                undoneSetlIds.add(original.setlId());
                add(sums, Source.VOID, original.fundFen(), original.acctFen(), original.cashFen());
            } else {
                // A sale older than this queue's history: the center's refund figures are all the terminal knows.
                if (u.setlId() != null) {
                    undoneSetlIds.add(u.setlId());
                }
                add(sums, Source.VOID, u.refundFundFen(), u.refundAcctFen(), 0);
            }
        }
        Set<String> reversedMsgids = new HashSet<>();
        undone.stream().filter(u -> u.omsgid() != null).forEach(u -> reversedMsgids.add(u.omsgid()));
        List<Counted> settled = counted.stream().filter(c -> !reversedMsgids.contains(c.msgid()))
                .filter(c -> !undoneSetlIds.contains(c.setlId())).toList();
        List<DayCloseReport.OpenEntry> open = new ArrayList<>();
        for (ResettlementState s : ResettlementState.values()) {
            for (ResettlementEntry e : queue.resettlements(s)) {
                if (date.equals(LocalDateTime.ofInstant(e.createdAt(), zone).toLocalDate())) {
                    add(sums, Source.CASH_FAULT, 0, 0, e.cashPaidFen());
                }
                if (s == ResettlementState.OPEN) {
                    open.add(new DayCloseReport.OpenEntry(e.entryNo(), LocalDateTime.parse(e.originalTime().replace(' ', 'T')),
                            e.psnCertNo(), e.cashPaidFen(), s.name() + (e.registered() ? "" : " (unregistered)")));
                }
            }
        }
        List<DayCloseReport.SourceTotal> totals = new ArrayList<>();
        for (Source s : Source.values()) {
            long[] v = sums.getOrDefault(s, new long[4]);
            totals.add(new DayCloseReport.SourceTotal(s, (int) v[0], v[1], v[2], v[3]));
        }
        QueueSummary q = queue.summary();
        LocalDateTime oldest = q.oldestQueuedAge() == null || q.queuedDebits() == 0 ? null
                : LocalDateTime.now(clock).minus(q.oldestQueuedAge());
        int unregistered = (int) open.stream().filter(e -> e.status().contains("unregistered")).count();
        DayCloseReport.QueueState queueState = new DayCloseReport.QueueState((int) q.queuedDebits(), q.queuedDebitFen(), oldest, unregistered);
        Result partial = new Result(date, totals, settled, DayCloseReport.Reconciliation.notRun("not reconciled"), List.of(),
                queueState, open);
        return reconcile(partial);
    }

    private Result reconcile(Result r) {
        if (center.isEmpty()) {
            return withReconciliation(r, DayCloseReport.Reconciliation.notRun("offline: the center was not contacted"), List.of());
        }
        try {
            String term = termNo();
            Reconciliation c = center.get().reconcile(r.date(), r.count(), r.fundSum(), r.acctSum(), r.cashSum(), term);
            DayCloseReport.Reconciliation rec = new DayCloseReport.Reconciliation(
                    c.match() ? DayCloseReport.Result.MATCH : DayCloseReport.Result.MISMATCH, (int) c.count(), c.fundSum(),
                    c.acctSum(), c.cashSum(), c.match() ? null
                    : "terminal: " + r.count() + " settlements, fund " + r.fundSum() + ", account " + r.acctSum()
                    + ", cash " + r.cashSum() + " fen (counter " + term + ")");
            List<Difference> diffs = c.match() ? List.of() : differences(r, center.get().reconcileDetail(r.date(), term));
            return withReconciliation(r, rec, diffs);
        } catch (CenterUnreachable | CenterRefusal e) {
            return withReconciliation(r, DayCloseReport.Reconciliation.notRun("center: " + e.getMessage()), List.of());
        }
    }

    /** One counter's settled totals of the day as the center holds them ({@code 3202}), fen. */
    public record CounterTotals(String termNo, long count, long fundSum, long acctSum, long cashSum) {
    }

    /**
     * The supervisor's institution-wide reconciliation: this counter's own close, each counter's settled totals
     * from the center's detail ({@code 3202} without {@code term_no}), and {@code 3201} without {@code term_no}
     * over their sum, so the center confirms that its detail adds up to its institution totals.
     */
    public record InstitutionResult(Result own, List<CounterTotals> counters, DayCloseReport.Reconciliation institution) {
        public InstitutionResult {
            counters = List.copyOf(counters);
        }
    }

    public InstitutionResult closeInstitution(LocalDate date) {
        Result own = close(date);
        if (center.isEmpty()) {
            return new InstitutionResult(own, List.of(), DayCloseReport.Reconciliation.notRun("offline: the center was not contacted"));
        }
        try {
            Map<String, long[]> byCounter = new java.util.TreeMap<>();
            for (Reconciliation.CenterRecord c : center.get().reconcileDetail(date, null)) {
                if ("SETTLED".equals(c.status())) {
                    long[] v = byCounter.computeIfAbsent(c.termNo(), k -> new long[4]);
                    v[0]++;
                    v[1] += c.fundFen();
                    v[2] += c.acctFen();
                    v[3] += c.cashFen();
                }
            }
            List<CounterTotals> counters = new ArrayList<>();
            byCounter.forEach((t, v) -> counters.add(new CounterTotals(t, v[0], v[1], v[2], v[3])));
            long count = counters.stream().mapToLong(CounterTotals::count).sum();
            long fund = counters.stream().mapToLong(CounterTotals::fundSum).sum();
            long acct = counters.stream().mapToLong(CounterTotals::acctSum).sum();
            long cash = counters.stream().mapToLong(CounterTotals::cashSum).sum();
            Reconciliation c = center.get().reconcile(date, count, fund, acct, cash, null);
            DayCloseReport.Reconciliation rec = new DayCloseReport.Reconciliation(
                    c.match() ? DayCloseReport.Result.MATCH : DayCloseReport.Result.MISMATCH, (int) c.count(), c.fundSum(),
                    c.acctSum(), c.cashSum(), "institution: " + counters.size() + " counters, " + count + " settlements");
            return new InstitutionResult(own, counters, rec);
        } catch (CenterUnreachable | CenterRefusal e) {
            return new InstitutionResult(own, List.of(), DayCloseReport.Reconciliation.notRun("center: " + e.getMessage()));
        }
    }

    private static Result withReconciliation(Result r, DayCloseReport.Reconciliation rec, List<Difference> diffs) {
        return new Result(r.date(), r.totals(), r.settled(), rec, diffs, r.queue(), r.openEntries());
    }

    /** Record by record, keyed by {@code setl_id}: missing on either side, or different amounts. */
    static List<Difference> differences(Result r, List<Reconciliation.CenterRecord> centerRecords) {
        Map<String, Counted> mine = new LinkedHashMap<>();
        r.settled().forEach(c -> mine.put(c.setlId(), c));
        List<Difference> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Reconciliation.CenterRecord c : centerRecords) {
            if (!"SETTLED".equals(c.status())) {
                continue;
            }
            seen.add(c.setlId());
            Counted t = mine.get(c.setlId());
            if (t == null) {
                out.add(new Difference(c.setlId(), "only at the center", null, c));
            } else if (t.fundFen() != c.fundFen() || t.acctFen() != c.acctFen() || t.cashFen() != c.cashFen()) {
                out.add(new Difference(c.setlId(), "amounts differ", t, c));
            }
        }
        for (Counted t : mine.values()) {
            if (!seen.contains(t.setlId())) {
                out.add(new Difference(t.setlId(), "only at the terminal", t, null));
            }
        }
        return out;
    }

    private static void add(Map<Source, long[]> sums, Source s, long fund, long acct, long cash) {
        long[] v = sums.computeIfAbsent(s, k -> new long[4]);
        v[0]++;
        v[1] += fund;
        v[2] += acct;
        v[3] += cash;
    }

    /** A void ({@code 2103}, by setl_id) or reversal ({@code 2601}, by the original msgid) answered today. */
    private record Undo(String setlId, String omsgid, long refundFundFen, long refundAcctFen) {
    }

    /** The settlements one answered message made: online, outpatient, each accepted offline record, a re-settlement. */
    private List<Counted> settlements(OutboxMessage m, HostRequest<?> request) {
        if (request instanceof HostRequest.Settle2102 settle) {
            Settled out = codec.answer(settle, m.resultJson());
            return List.of(new Counted(Source.ONLINE, out.setlId(), m.msgid(), out.fundPayFen(), out.acctPayFen(), out.cashPayFen()));
        } else if (request instanceof HostRequest.OutpatientSettle2207 settle) {
            Settled out = codec.answer(settle, m.resultJson());
            return List.of(new Counted(Source.ONLINE, out.setlId(), m.msgid(), out.fundPayFen(), out.acctPayFen(), out.cashPayFen()));
        } else if (request instanceof HostRequest.UploadOffline8301 upload) {
            List<Counted> counted = new ArrayList<>();
            offline(m, upload, codec.answer(upload, m.resultJson()), counted);
            return counted;
        } else if (request instanceof HostRequest.Resettle8401 resettle) {
            Resettled out = codec.answer(resettle, m.resultJson());
            // The center settles the cash part of the entry (cash_paid); what the card paid offline is its own 8301 record.
            return List.of(new Counted(Source.RESETTLEMENT, out.setlId(), m.msgid(), out.fundPayFen(), out.acctPayFen(),
                    resettle.cashPaidFen() - out.fundPayFen() - out.acctPayFen()));
        }
        return List.of();
    }

    /** The cash handed back at a re-settlement ({@code refund_to_patient}). */
    private long refund(OutboxMessage m, HostRequest<?> request) {
        return codec.answer((HostRequest.Resettle8401) request, m.resultJson()).refundFen();
    }

    /** A void or reversal that took a settlement back; 8502 load confirmations and the rest move no settlement money. */
    private Optional<Undo> undo(OutboxMessage m, HostRequest<?> request) {
        if (request instanceof HostRequest.Reverse2601 reverse) {
            Reversal out = codec.answer(reverse, m.resultJson());
            return out.reversed() ? Optional.of(new Undo(out.setlId(), reverse.omsgid(), 0, out.refundAcctFen())) : Optional.empty();
        } else if (request instanceof HostRequest.CancelSettlement2103 cancel) {
            // A supervisor's void: the center no longer counts the settlement, so neither does the terminal.
            SettlementCancelled out = codec.answer(cancel, m.resultJson());
            return Optional.of(new Undo(cancel.setlId(), null, out.refundFundFen(), out.refundAcctFen()));
        }
        return Optional.empty();
    }

    private void offline(OutboxMessage m, HostRequest.UploadOffline8301 upload, UploadResults answer, List<Counted> counted) {
        List<HostRequest.OfflineRecord> records = upload.records();
        List<UploadResults.RecordResult> results = answer.results();
        for (int i = 0; i < results.size() && i < records.size(); i++) {
            UploadResults.RecordResult res = results.get(i);
            if (!res.accepted()) {
                continue;
            }
            HostRequest.OfflineRecord rec = records.get(i);
            counted.add(new Counted(Source.OFFLINE_DEBIT, res.setlId(), m.msgid(), 0, rec.acctPayFen(), rec.cashPayFen()));
        }
    }
}
