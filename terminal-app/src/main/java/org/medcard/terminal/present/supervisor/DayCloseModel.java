package org.medcard.terminal.present.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.DayCloseReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a business day: counts it from the queue, reconciles it with the center (3201, and 3202 record by
 * record on a mismatch) and audits who closed it with what result. Closing again is allowed and harmless
 * (the count is read, nothing is changed), so a supervisor may close once more after forwarding what waited.
 *
 * <p>Threads: public methods on the UI thread; counting and the center run on {@code worker}.
 */
public final class DayCloseModel {
    private static final Logger LOG = LoggerFactory.getLogger(DayCloseModel.class);
    private final Supplier<DayClose> dayClose;
    private final AuditLog audit;
    private final ReceiptDesk receipts;
    private final Letterhead letterhead;
    private final Clock clock;
    private final Supplier<String> supervisor;
    private final DayCloseView view;
    private final Texts texts;
    private final Work work;

    /**
     * @param dayClose  a day close with the center as it is when the supervisor closes (built by the root, on the worker)
     * @param receipts  where the report is journalled and printed
     * @param letterhead the report's header (institution, counter)
     * @param language  the screen's language
     */
    public DayCloseModel(Supplier<DayClose> dayClose, AuditLog audit, ReceiptDesk receipts, Letterhead letterhead, Clock clock,
                         Locale language, Supplier<String> supervisor, DayCloseView view, Executor worker, Executor ui) {
        this.dayClose = dayClose;
        this.audit = audit;
        this.receipts = receipts;
        this.letterhead = letterhead;
        this.clock = clock;
        this.supervisor = supervisor;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.work = new Work(view, worker, ui, texts);
    }

    /** Closes today (the terminal clock's date). */
    public void closeToday() {
        close(LocalDate.now(clock));
    }

    public void close(LocalDate date) {
        String by = supervisor.get();
        work.run(texts.text("busy.dayclose", date.toString()), () -> {
            DayClose.Result r = dayClose.get().close(date);
            audit.record(by, "DAY_CLOSE", date + ": " + r.reconciliation().result() + ", " + r.count()
                    + " settlement(s), fund " + r.fundSum() + ", account " + r.acctSum() + ", cash " + r.cashSum() + " fen");
            journal(r, by);
            return answer(r);
        }, view::showDayClose);
    }

    /** The report is journalled at once, as the CLI does: {@code medcard receipt list} / {@code reprint N} find it. */
    private void journal(DayClose.Result r, String by) {
        try {
            receipts.issue(r.toReport(letterhead.stamp(by)));
        } catch (RuntimeException e) {
            LOG.error("The day-close report could not be journalled: {}", e.getMessage(), e);
        }
    }

    DayCloseAnswer answer(DayClose.Result r) {
        DayCloseReport.Reconciliation rec = r.reconciliation();
        String headline = switch (rec.result()) {
            case MATCH -> texts.text("dayclose.match", r.date().toString(), r.count());
            case MISMATCH -> texts.text("dayclose.mismatch", r.date().toString(), r.count(), rec.centerCount());
            case NOT_RUN -> texts.text("dayclose.not_run", r.date().toString(), rec.detail());
        };
        List<String> totals = new ArrayList<>();
        for (DayCloseReport.SourceTotal t : r.totals()) {
            totals.add(texts.text("dayclose.total", texts.text("source." + t.source().name()), t.count(), Money.formatYuan(t.fundSum()),
                    Money.formatYuan(t.acctSum()), Money.formatYuan(t.cashSum())));
        }
        List<String> diffs = r.differences().stream().map(d -> texts.text("dayclose.difference", d.setlId(),
                texts.text("difference." + d.what().replace(' ', '_')))).toList();
        DayCloseReport.QueueState q = r.queue();
        String queue = texts.text("dayclose.queue", q.pendingDebits(), Money.formatYuan(q.pendingAmount()), r.openEntries().size(),
                q.unregisteredEntries());
        return new DayCloseAnswer(r, rec.result() == DayCloseReport.Result.MATCH, headline, totals, diffs, queue);
    }
}
