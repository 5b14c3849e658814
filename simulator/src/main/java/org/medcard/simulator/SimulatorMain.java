package org.medcard.simulator;

import java.time.Clock;
import org.medcard.simulator.cli.CardCommand;
import org.medcard.simulator.cli.ConsoleCommand;
import org.medcard.simulator.cli.ProfilesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code medcard-simulator.jar}: the technician's commands. Exit codes: 0 done, 1 failed,
 * 2 usage error. Adding a command is one {@code addSubcommand} line in {@link #commandLine(Clock, java.io.InputStream)}.
 */
@Command(name = "medcard-simulator", mixinStandardHelpOptions = true, version = "MedCard simulator 0.1",
        description = "Virtual medical-insurance cards, PSAM, readers and center for commissioning and tests. TEST KEYS ONLY.")
public final class SimulatorMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The JDK's HTTP server writes headers and body in two segments; without TCP_NODELAY every answer
        // of the simulated center waits ~40 ms for a delayed ACK. Read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        System.exit(commandLine(Clock.systemDefaultZone()).execute(args));
    }

    /** The command tree; the one place where commands are registered. */
    public static CommandLine commandLine(Clock clock) {
        return commandLine(clock, System.in);
    }

    /** The command tree reading console input from {@code in}. */
    public static CommandLine commandLine(Clock clock, java.io.InputStream in) {
        CommandLine cmd = new CommandLine(new SimulatorMain());
        cmd.addSubcommand(new ProfilesCommand());
        cmd.addSubcommand(new CardCommand(clock));
        cmd.addSubcommand(new ConsoleCommand(clock, in));
        cmd.addSubcommand(new org.medcard.simulator.reader.vpcd.VpcdCommand(clock, in));
        cmd.addSubcommand(new org.medcard.simulator.reader.serial.SerialCommand(clock, in));
        cmd.addSubcommand(new org.medcard.simulator.center.CenterCommand(clock));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cmd;
    }

    @Override
    public void run() {
        // No command given: show what there is.
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
