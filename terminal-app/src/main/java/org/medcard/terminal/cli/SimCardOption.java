package org.medcard.terminal.cli;

import org.medcard.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --sim-card PROFILE} option of every command that uses the card in the reader, as one picocli
 * mixin: the option's name, help text and the "needs the simulator reader" check live in one place.
 */
final class SimCardOption {

    @Option(names = "--sim-card", paramLabel = "PROFILE",
            description = "with the simulator reader: present this training card (default " + TerminalCommands.DEFAULT_SIM_CARD + ")")
    String profile;

    /** With the simulator reader, puts the chosen (or default) training card in the slot; else refuses the option. */
    void present(Terminal t, CommandLine cl) {
        TerminalCommands.presentSimCard(t, profile, cl);
    }
}
