package org.medcard.terminal.present.counter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.medcard.terminal.center.CatalogItem;

/** A counter view for tests: records what the model showed and answers its questions from queues. */
final class RecordingCounterView implements CounterView {

    final List<List<CartLine>> carts = new ArrayList<>();
    final List<CardPanel> cards = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Boolean> problems = new ArrayList<>();
    final List<SplitOffer> offers = new ArrayList<>();
    final List<SaleDone> done = new ArrayList<>();
    final List<char[]> pinsHandedOut = new ArrayList<>();
    final List<List<CatalogItem>> choices = new ArrayList<>();
    final List<Boolean> busy = new ArrayList<>();
    final Deque<SplitAnswer> splitAnswers = new ArrayDeque<>();
    final Deque<String> pins = new ArrayDeque<>();
    final Deque<String> idNumbers = new ArrayDeque<>();
    final List<String> idQuestions = new ArrayList<>();
    Function<List<CatalogItem>, Optional<CatalogItem>> chooser = m -> Optional.of(m.get(0));
    int pinQuestions;

    @Override
    public void showCart(List<CartLine> lines, long totalFen) {
        carts.add(lines);
    }

    @Override
    public void showCard(CardPanel card) {
        cards.add(card);
    }

    @Override
    public void showMessage(String text, boolean problem) {
        messages.add(text);
        problems.add(problem);
    }

    @Override
    public void busy(boolean b, String what) {
        busy.add(b);
    }

    @Override
    public Optional<CatalogItem> chooseItem(List<CatalogItem> matches) {
        choices.add(matches);
        return chooser.apply(matches);
    }

    @Override
    public SplitAnswer confirmSplit(SplitOffer offer) {
        offers.add(offer);
        return splitAnswers.isEmpty() ? SplitAnswer.confirm(offer.cashFen()) : splitAnswers.poll();
    }

    @Override
    public char[] askPin(String holderName, long debitFen) {
        pinQuestions++;
        String p = pins.poll();
        if (p == null) {
            return null;
        }
        char[] pin = p.toCharArray();
        pinsHandedOut.add(pin);
        return pin;
    }

    /** The money lines of served sales (issue 15). */
    final List<MoneyLines> money = new ArrayList<>();

    @Override
    public void showMoney(MoneyLines m) {
        money.add(m);
    }

    /** The tries left each PIN question showed (-1: the first ask). */
    final List<Integer> pinTriesShown = new ArrayList<>();
    final List<Long> pinAmounts = new ArrayList<>();

    @Override
    public char[] askPin(String holderName, long debitFen, int triesLeft) {
        pinTriesShown.add(triesLeft);
        pinAmounts.add(debitFen);
        return askPin(holderName, debitFen);
    }

    @Override
    public Optional<String> askIdNumber(String reason) {
        idQuestions.add(reason);
        return Optional.ofNullable(idNumbers.poll());
    }

    @Override
    public void saleDone(SaleDone d) {
        done.add(d);
    }

    CardPanel lastCard() {
        return cards.get(cards.size() - 1);
    }

    String lastMessage() {
        return messages.get(messages.size() - 1);
    }

    List<CartLine> lastCart() {
        return carts.get(carts.size() - 1);
    }
}
