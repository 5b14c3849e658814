package org.medcard.terminal.present.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.text.Texts;

/**
 * Picking the sale to void from today's list instead of typing its 20-character settlement number (issue 15), and
 * saying what a void will hand back before the supervisor confirms: the amounts (fund, account, cash), the masked
 * card and the holder, as on the patient's receipt.
 *
 * <p>Threads: public methods on the UI thread; the journal is read on {@code worker}, except {@link #describe},
 * which the confirmation dialog needs at once (one indexed read of the local journal; the list just shown is
 * looked at first).
 */
public final class VoidPickModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private final TodaysSales sales;
    private final Clock clock;
    private final VoidPickView view;
    private final Texts texts;
    private final Work work;
    private volatile List<SaleToVoid> shown = List.of();

    public VoidPickModel(TodaysSales sales, Clock clock, Locale language, VoidPickView view, Executor worker, Executor ui) {
        this.sales = sales;
        this.clock = clock;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.work = new Work(view, worker, ui, texts);
    }

    /** Lists today's sales that can still be voided, or says there are none. */
    public void pick() {
        work.run(texts.text("busy.void_list"), () -> sales.list(LocalDate.now(clock)), list -> {
            shown = list;
            if (list.isEmpty()) {
                view.showMessage(texts.text("void.none_today"));
            } else {
                view.chooseSale(list, list.stream().map(this::line).toList());
            }
        });
    }

    /** One line of the list: time, masked card, holder, the three shares and the settlement number. */
    public String line(SaleToVoid s) {
        return texts.text("void.pick_line", s.at().format(TIME), s.cardMasked(), s.holder(), Money.formatYuan(s.fundFen()),
                Money.formatYuan(s.acctFen()), Money.formatYuan(s.cashFen()), Money.formatYuan(s.totalFen()), s.setlId());
    }

    /** What voiding {@code setlId} hands back, for the confirmation; says so when no receipt of it is known. */
    public String describe(String setlId) {
        Optional<SaleToVoid> s = shown.stream().filter(x -> x.setlId().equals(setlId)).findFirst().or(() -> sales.find(setlId));
        return s.map(x -> texts.text("void.what", x.holder(), x.cardMasked(), x.at().toLocalDate() + " " + x.at().format(TIME),
                        Money.formatYuan(x.totalFen()), Money.formatYuan(x.fundFen()), Money.formatYuan(x.acctFen()),
                        Money.formatYuan(x.cashFen())))
                .orElse(texts.text("void.what_unknown", setlId));
    }
}
