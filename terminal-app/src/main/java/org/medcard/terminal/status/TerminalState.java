package org.medcard.terminal.status;

/** A snapshot of the terminal's parts, for the status bar of the later UI and for {@code --json} output. */
public record TerminalState(PartState reader, PartState psam, PartState card, PartState center, boolean trainingMode) {
}
