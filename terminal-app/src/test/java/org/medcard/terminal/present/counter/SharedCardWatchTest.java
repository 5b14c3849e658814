package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.medcard.terminal.present.counter.InMemoryCards.WORDS;
import static org.medcard.terminal.present.counter.InMemoryCards.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.text.Texts;

/**
 * Issue 15: the counter on the app's one card watch, shared with another desk (the registration desk): a card put in
 * at the other desk is read once and shown here too, with the counter's own line; a payment there shows the balance
 * after here. In-memory card port, inline executors, no display.
 */
class SharedCardWatchTest {

    private static final Executor INLINE = Runnable::run;

    private final InMemoryCards slot = new InMemoryCards();
    private final RecordingCounterView view = new RecordingCounterView();
    private final List<CardWatch.Shown> otherDesk = new ArrayList<>();

    private CardWatch watchWithACounter() {
        slot.training.put("normal", card("11000000000000000001", "张伟", "110101197805211235", CardStatus.NORMAL, 50_000, "EMPLOYEE", List.of()));
        slot.training.put("frozen", card("11000000000000000002", "王芳", "110101197805211235", CardStatus.FROZEN, 10_000, "EMPLOYEE", List.of()));
        Texts texts = Texts.of(CounterModel.BUNDLE, Locale.ENGLISH);
        CardWatch watch = new CardWatch(slot, WORDS, texts, INLINE, INLINE);
        watch.listen(otherDesk::add);
        new CounterModel(new CounterModel.Ports(null, slot, null, WORDS, null), watch, INLINE, INLINE, view, texts, () -> "cashier");
        return watch;
    }

    @Test
    void aCardPresentedAtTheOtherDesk_isReadOnce_andTheCounterShowsItWithItsOwnLine() {
        CardWatch watch = watchWithACounter();

        watch.presentTrainingCard("normal", line -> { });
        watch.poll();

        assertEquals(1, slot.reads);
        assertEquals("张伟", view.lastCard().name());
        assertEquals(view.lastCard(), otherDesk.get(0).panel());
        assertEquals("Card read: scan the items, then pay.", view.lastMessage());
    }

    @Test
    void R5_aRefusalLine_isClearedAtTheCounter_whenTheNextPatientsCardComesAtTheOtherDesk() {
        CardWatch watch = watchWithACounter();
        watch.presentTrainingCard("frozen", line -> { });
        view.showMessage(WORDS.message("status.frozen"), true); // what F12 said for the frozen card

        watch.presentTrainingCard("normal", line -> { });

        assertEquals(CardPanel.Banner.OK, view.lastCard().banner());
        assertEquals("Card read: scan the items, then pay.", view.lastMessage());
        assertFalse(view.problems.get(view.problems.size() - 1), "the line under the green panel is not red");
    }

    @Test
    void aPaymentAtTheOtherDesk_showsTheBalanceAfterAtTheCounter_withoutReadingTheCardAgain() {
        CardWatch watch = watchWithACounter();
        watch.presentTrainingCard("normal", line -> { });
        String line = view.lastMessage();

        watch.paid(48_500);

        assertEquals(48_500, view.lastCard().balanceFen().orElseThrow());
        assertEquals(1, slot.reads);
        assertEquals(line, view.lastMessage(), "a balance is no new patient: the counter's line stays");
    }
}
