package org.medcard.terminal.dayclose;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * by the local date of their answer: {@code 2102} (online), {@code 8301} (each ACCEPTED record of a batch: offline
 * debits, the fund pays nothing offline), {@code 8401} (re-settlements). A {@code 2601} void answered
 * {@code reversed} takes its settlement out of the reconciled sums, as the center counts SETTLED rows only.
 * Cash taken during a fault is the terminal's own figure (entries made that day); the center learns of it only
 * through the later re-settlement, so it is reported but not reconciled.
 */
public final class DayClose {
    private final OfflineQueue queue;
    private final Optional<HostApi> center;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(DayClose.class);

    private final HostCodec codec = new HostCodec();

    public DayClose(OfflineQueue queue, Optional<HostApi> center, Clock clock) {
        this.queue = queue;
        this.center = center;
        this.clock = clock;
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
        Set<String> reversedMsgids = new HashSet<>();
        Set<String> voidedSetlIds = new HashSet<>();
        for (OutboxMessage m : queue.messages(OutboxState.DONE)) {
            if (m.infcode() == null || m.infcode() != 0 || !date.equals(LocalDateTime.ofInstant(m.updatedAt(), zone).toLocalDate())) {
                continue;
            }
            Optional<HostRequest<?>> request = codec.tryDecode(m.message());
            if (request.isEmpty()) {
                LOG.warn("Day close: message {} ({}) is not a host request this terminal can read; not counted", m.msgid(), m.infno());
                continue;
            }
            try {
                count(m, request.get(), counted, sums, reversedMsgids, voidedSetlIds);
            } catch (CenterUnreachable e) {
                LOG.warn("Day close: the answer to {} ({}) cannot be read, not counted: {}", m.msgid(), m.infno(), e.getMessage());
            }
        }
        List<Counted> settled = counted.stream().filter(c -> !reversedMsgids.contains(c.msgid()))
                .filter(c -> !voidedSetlIds.contains(c.setlId())).toList();
        for (Counted c : counted) {
            add(sums, c.source(), c.fundFen(), c.acctFen(), c.cashFen());
        }
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
            Reconciliation c = center.get().reconcile(r.date(), r.count(), r.fundSum(), r.acctSum(), r.cashSum());
            DayCloseReport.Reconciliation rec = new DayCloseReport.Reconciliation(
                    c.match() ? DayCloseReport.Result.MATCH : DayCloseReport.Result.MISMATCH, (int) c.count(), c.fundSum(),
                    c.acctSum(), c.cashSum(), c.match() ? null
                    : "terminal: " + r.count() + " settlements, fund " + r.fundSum() + ", account " + r.acctSum() + ", cash "
                    + r.cashSum() + " fen");
            List<Difference> diffs = c.match() ? List.of() : differences(r, center.get().reconcileDetail(r.date()));
            return withReconciliation(r, rec, diffs);
        } catch (CenterUnreachable | CenterRefusal e) {
            return withReconciliation(r, DayCloseReport.Reconciliation.notRun("center: " + e.getMessage()), List.of());
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

    /** What one answered message adds: a settlement counted, or a void/reversal that takes one out. */
    private void count(OutboxMessage m, HostRequest<?> request, List<Counted> counted, Map<Source, long[]> sums,
                       Set<String> reversedMsgids, Set<String> voidedSetlIds) {
        if (request instanceof HostRequest.Settle2102 settle) {
            Settled out = codec.answer(settle, m.resultJson());
            counted.add(new Counted(Source.ONLINE, out.setlId(), m.msgid(), out.fundPayFen(), out.acctPayFen(), out.cashPayFen()));
        } else if (request instanceof HostRequest.UploadOffline8301 upload) {
            offline(m, upload, codec.answer(upload, m.resultJson()), counted);
        } else if (request instanceof HostRequest.Resettle8401 resettle) {
            Resettled out = codec.answer(resettle, m.resultJson());
            counted.add(new Counted(Source.RESETTLEMENT, out.setlId(), m.msgid(), out.fundPayFen(), out.acctPayFen(),
                    out.totalFen() - out.fundPayFen() - out.acctPayFen()));
        } else if (request instanceof HostRequest.Reverse2601 reverse) {
            Reversal out = codec.answer(reverse, m.resultJson());
            if (out.reversed()) {
                reversedMsgids.add(reverse.omsgid());
                add(sums, Source.VOID, 0, out.refundAcctFen(), 0);
            }
        } else if (request instanceof HostRequest.CancelSettlement2103 cancel) {
            // A supervisor's void: the center no longer counts the settlement, so neither does the terminal.
            voidedSetlIds.add(cancel.setlId());
            add(sums, Source.VOID, 0, codec.answer(cancel, m.resultJson()).refundAcctFen(), 0);
        }
        // 8502 load confirmations and the rest move no settlement money.
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
