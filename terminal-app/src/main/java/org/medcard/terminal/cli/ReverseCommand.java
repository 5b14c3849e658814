package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.medcard.queue.QueueStoreException;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.voids.ReversalOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard reverse MSGID}: reverses (2601) a settlement whose answer never came (UNKNOWN in
 * {@code medcard queue}) instead of resending it. Exit 0 when reversed, 1 otherwise.
 */
@Command(name = "reverse", description = "Reverse an unanswered settlement (UNKNOWN in the queue) instead of resending it.",
        mixinStandardHelpOptions = true)
final class ReverseCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "MSGID", description = "the settlement's msgid, as medcard queue lists it")
    String msgid;

    @Spec
    CommandSpec spec;

    ReverseCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
            ReversalOutcome o;
            try {
                o = t.reversals().reverse(msgid, "cashier");
            } catch (QueueStoreException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            return VoidOutput.print(out, o, t.voidTexts().line(o), options.json);
        }
    }
}
