package org.medcard.terminal.cli;

import org.medcard.terminal.TrainingMode;
import org.medcard.terminal.config.TerminalEnvironment;
import picocli.CommandLine;

/**
 * {@code medcard simulator …}: the simulator's technician tool (profiles, card, console, vpcd, serial, center)
 * inside the terminal's jar, so a technician carries one jar, plus {@code medcard simulator commission}, which
 * lives here because it drives the terminal (the simulator module cannot depend on terminal-app). Both come
 * through the training door ({@link TrainingMode}): a build without training mode has no {@code simulator}
 * command.
 */
final class TechnicianCommands {

    private TechnicianCommands() {
    }

    static CommandLine simulator(TrainingMode training, TerminalEnvironment env, CommandLine.IFactory factory) {
        CommandLine simulator = training.technicianCommands(env.clock(), env.stdin());
        simulator.getCommandSpec().name("simulator");
        simulator.addSubcommand(new CommandLine(CommissionCommand.class, factory));
        return simulator;
    }
}
