package org.medcard.terminal.present.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reprint screen's logic (issue 15): today's receipts from the journal, a search by entry or settlement number
 * (any day: the patient may come back tomorrow), and a reprint of the chosen one — counted in the journal and marked
 * 重印 REPRINT exactly as {@code medcard receipt reprint} marks it, because both call {@link ReceiptDesk#reprint}.
 *
 * <p>Threads: public methods on the UI thread; the journal, rendering and printing run on {@code worker}.
 */
public final class ReprintModel {

    /** The reprint screen's strings (English and Simplified Chinese). */
    public static final String BUNDLE = "org.medcard.terminal.present.supervisor.reprint";
    private static final Logger LOG = LoggerFactory.getLogger(ReprintModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final ReceiptCopies copies;
    private final Clock clock;
    private final ReprintView view;
    private final Texts texts;
    private final Executor worker;
    private final Executor ui;
    private final AtomicBoolean busy = new AtomicBoolean();

    public ReprintModel(ReceiptCopies copies, Clock clock, Locale language, ReprintView view, Executor worker, Executor ui) {
        this.copies = copies;
        this.clock = clock;
        this.view = view;
        this.texts = Texts.of(BUNDLE, language);
        this.worker = worker;
        this.ui = ui;
    }

    /** Today's receipts, newest first. */
    public void today() {
        run(texts.text("busy.list"), () -> {
            List<ReceiptRow> rows = rows(copies.desk().list(LocalDate.now(clock)));
            return () -> view.showReceipts(rows, texts.text("list.today", rows.size()));
        });
    }

    /** The receipts whose settlement or entry number contains {@code text} (any day); blank: today's. */
    public void search(String text) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            today();
            return;
        }
        run(texts.text("busy.list"), () -> {
            List<ReceiptRow> rows = rows(copies.desk().listAll().stream().filter(e -> contains(e.setlId(), q) || contains(e.entryNo(), q))
                    .toList());
            return rows.isEmpty() ? () -> view.showMessage(texts.text("list.none", q))
                    : () -> view.showReceipts(rows, texts.text("list.found", rows.size(), q));
        });
    }

    /** Reprints receipt {@code id} on the printer and/or as a PDF; the copy is counted once. */
    public void reprint(long id, boolean print, boolean save) {
        if (!print && !save) {
            return;
        }
        run(texts.text("busy.reprint", String.valueOf(id)), () -> {
            Optional<ReceiptDesk.Issued> copy = copies.desk().reprint(id);
            if (copy.isEmpty()) {
                return () -> view.showMessage(texts.text("reprint.missing", String.valueOf(id)));
            }
            ReceiptDesk.Issued c = copy.get();
            List<String> done = new ArrayList<>();
            done.add(texts.text("reprint.done", String.valueOf(id), c.reprint()));
            if (save) {
                done.add(texts.text("reprint.saved", copies.save(c).toString()));
            }
            if (print) {
                done.add(texts.text("reprint.printed", copies.print(c)));
            }
            String line = String.join(" ", done);
            return () -> {
                view.showDone(line);
                today();
            };
        });
    }

    private List<ReceiptRow> rows(List<ReceiptJournal.Entry> entries) {
        List<ReceiptRow> rows = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ReceiptJournal.Entry e = entries.get(i);
            String kind = texts.has("kind." + e.kind()) ? texts.text("kind." + e.kind()) : e.kind();
            String number = e.setlId() != null ? e.setlId() : e.entryNo() != null ? e.entryNo() : "";
            rows.add(new ReceiptRow(e.id(), e.at().format(TIME), kind, e.totalFen() == null ? "" : Money.formatYuan(e.totalFen()),
                    e.cardMasked() == null ? "" : e.cardMasked(), number, e.reprints() == 0 ? "" : texts.text("reprints", e.reprints())));
        }
        return rows;
    }

    private static boolean contains(String value, String q) {
        return value != null && value.toUpperCase(Locale.ROOT).contains(q.toUpperCase(Locale.ROOT));
    }

    /** One action at a time off the UI thread; a failure (a printer fault) is one line with the next step. */
    private void run(String what, Supplier<Runnable> work) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        view.showBusy(true, what);
        worker.execute(() -> {
            Runnable done;
            try {
                done = work.get();
            } catch (RuntimeException e) {
                LOG.warn("Reprint screen: {} failed: {}", what, e.getMessage(), e);
                String msg = texts.text("failed", e.getMessage() == null ? e.toString() : e.getMessage());
                done = () -> view.showMessage(msg);
            }
            Runnable then = done;
            busy.set(false);
            ui.execute(() -> {
                view.showBusy(false, "");
                then.run();
            });
        });
    }
}
