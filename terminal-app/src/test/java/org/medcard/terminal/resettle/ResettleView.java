package org.medcard.terminal.resettle;

import org.medcard.terminal.Terminal;

/**
 * A re-settlement's outcome as the tests read it: the figures the CLI's {@code --json} prints (null / 0 where the
 * outcome has none) and the message in the configured language, next to the sealed {@link #outcome()} itself. Test
 * code only: the terminal never flattens an outcome like this.
 */
public record ResettleView(ResettleOutcome outcome, String message) {

    /** The outcome worded as the CLI and the queue screen word it. */
    public static ResettleView of(Terminal t, ResettleOutcome o) {
        return new ResettleView(o, t.resettleTexts().line(o));
    }

    public ResettleOutcome.Kind kind() {
        return outcome.kind();
    }

    public String entryNo() {
        return outcome.entryNo();
    }

    public String messageKey() {
        return outcome.messageKey();
    }

    public String setlId() {
        return outcome instanceof ResettleOutcome.Settled s ? s.setlId() : null;
    }

    public long fundFen() {
        return outcome instanceof ResettleOutcome.Settled s ? s.fundFen() : 0;
    }

    public long accountFen() {
        return outcome instanceof ResettleOutcome.Settled s ? s.accountFen() : 0;
    }

    public long refundFen() {
        return outcome instanceof ResettleOutcome.Settled s ? s.refundFen() : 0;
    }
}
