package org.medcard.terminal.present.counter;

import java.io.IOException;
import java.util.List;

import org.medcard.terminal.session.CardView;

/**
 * The counter's port to the card slot and the one card session: whether a card is in, and reading it (torn sales
 * first, R15 loads, the status check). Called on the worker (the reader's thread).
 */
public interface CardDesk {

    /** What reading the card in the slot gave. */
    sealed interface Reading permits Read, Unread {
    }

    /**
     * The card is read and checked.
     *
     * @param loadedFen R15: the money credited onto the card in this contact (0 when nothing was pending)
     * @param loadMonth the month(s) of those loads ("2026-10, 2026-11"), when their notes say (issue 15's money lines)
     */
    record Read(CardView view, long loadedFen, java.util.Optional<String> loadMonth) implements Reading {
        public Read(CardView view, long loadedFen) {
            this(view, loadedFen, java.util.Optional.empty());
        }
    }

    /**
     * The card could not be read.
     *
     * @param unusable the card is no medical-insurance card the terminal can use (rather than a read fault)
     * @param detail   for the log and the cashier's line
     */
    record Unread(boolean unusable, String detail) implements Reading {
    }

    boolean cardPresent();

    /**
     * The slot could not be asked (a polled reader whose port is missing or answers garbage): the reader's part turns
     * red with {@code reason} (issue 14). A PC/SC reader's faults arrive through its watch instead.
     */
    default void readerFaulted(String reason) {
    }

    /** A polled reader answered: its part is OK (not "waiting" until the first card, nor red after it came back). */
    default void readerAnswered() {
    }

    /** Whether the reader is at fault now (the status bar's state): F12 then offers cash without a card (R11 case 2). */
    default boolean readerAtFault() {
        return false;
    }

    /** The reader's count of presented cards: a new count is a card to read, even if never seen absent. */
    long cardGeneration();

    /** Reads the card in the slot through the card session; a fault comes back as {@link Unread}, never thrown. */
    Reading read();

    /** The card left the slot: the status bar says so and the session forgets it. */
    void cardRemoved();

    /** The simulated cards, when the training reader is in use (empty otherwise). */
    List<TrainingCard> trainingCards();

    /** Puts a training card in the simulated slot (as a cashier would insert a real one). */
    void presentTrainingCard(String profile) throws IOException;

    void removeTrainingCard();
}
