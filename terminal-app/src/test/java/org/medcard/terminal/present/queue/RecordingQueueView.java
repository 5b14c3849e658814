package org.medcard.terminal.present.queue;

import java.util.ArrayList;
import java.util.List;

/** A view that records what the model showed, and answers the card question as told. */
final class RecordingQueueView implements QueueView {
    final List<QueueFigures> figures = new ArrayList<>();
    final List<List<EntryRow>> entries = new ArrayList<>();
    final List<ForwardProgress> forwarding = new ArrayList<>();
    final List<String> busy = new ArrayList<>();
    final List<ResettleAnswer> resettled = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<EntryRow> askedForCard = new ArrayList<>();
    boolean cardInserted = true;
    /** What the patient types when the PIN is asked (null: the cashier goes back); each ask is counted. */
    String pin = "123456";
    int pinAsked;
    boolean isBusy;

    @Override
    public void showFigures(QueueFigures f) {
        figures.add(f);
    }

    @Override
    public void showEntries(List<EntryRow> e, boolean onlyOpen) {
        entries.add(e);
    }

    @Override
    public void showForwarding(ForwardProgress p) {
        forwarding.add(p);
    }

    @Override
    public void showBusy(boolean b, String what) {
        isBusy = b;
        if (b) {
            busy.add(what);
        }
    }

    @Override
    public boolean confirmCardInserted(EntryRow entry) {
        askedForCard.add(entry);
        return cardInserted;
    }

    @Override
    public char[] askPin(String prompt) {
        pinAsked++;
        return pin == null ? null : pin.toCharArray();
    }

    @Override
    public void showResettled(ResettleAnswer a) {
        resettled.add(a);
    }

    @Override
    public void showMessage(String m) {
        messages.add(m);
    }

    QueueFigures lastFigures() {
        return figures.get(figures.size() - 1);
    }

    List<EntryRow> lastEntries() {
        return entries.get(entries.size() - 1);
    }

    ForwardProgress lastForwarding() {
        return forwarding.get(forwarding.size() - 1);
    }
}
