package org.medcard.terminal.soak;

/** What the soak does to one sale; drawn from the seeded random with the weights given here. */
enum SoakFault {
    NONE(30),
    /** The card is pulled as DEBIT arrives, before it writes (virtual card tear). */
    TEAR_BEFORE_DEBIT(6),
    /** The card debits, then is pulled before it answers. */
    TEAR_AFTER_DEBIT(8),
    /** The card is pulled on whatever command comes next (a read, VERIFY, INITIALIZE, a load...). */
    TEAR_NEXT_COMMAND(6),
    /** The card reader's vpcd link drops at a random moment of the sale, and comes back after it. */
    READER_UNPLUG(8),
    /** The center's API port closes at a random moment, and opens after the sale. */
    CENTER_DOWN(8),
    /** The center answers every request late (sometimes later than the terminal's request time-out). */
    CENTER_SLOW(6),
    /** The next request after a random moment gets HTTP 500 (nothing applied). */
    CENTER_500(8),
    /** The next request after a random moment is committed by the center, then its answer is lost. */
    ANSWER_LOST(10),
    /**
     * The PC/SC service restarts (issue 16): pcscd is killed with SIGKILL at a random moment of the sale and started
     * again after it; the terminal process keeps running and must read the next card without a restart.
     */
    SERVICE_RESTART(6),
    /** The terminal process is killed with SIGKILL at a random moment of the sale. */
    KILL_TERMINAL(10);

    final int weight;

    SoakFault(int weight) {
        this.weight = weight;
    }

    static SoakFault draw(java.util.Random random) {
        int total = 0;
        for (SoakFault f : values()) {
            total += f.weight;
        }
        int r = random.nextInt(total);
        for (SoakFault f : values()) {
            r -= f.weight;
            if (r < 0) {
                return f;
            }
        }
        throw new AssertionError();
    }
}
