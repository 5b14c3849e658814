package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.tamper.TamperFindings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard queue release MSGID|SALE --technician NAME --note TEXT} (password on standard input): a row held from
 * the center after a tamper finding ({@code queue tamper list} shows it) goes to the center again with the next
 * forward, which judges it. Journalled in the queue's chain and in the audit log. Exit 1: not a technician, or
 * nothing held with that msgid or sale id.
 */
@Command(name = "release", description = "Let a row held after a tamper finding go to the center again: MSGID or SALE id,"
        + " --technician NAME, --note TEXT (password on standard input).", mixinStandardHelpOptions = true)
final class QueueReleaseCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "MSGID|SALE", description = "the held message's msgid, or the sale id of a held offline debit")
    String key;

    @Option(names = "--technician", required = true, paramLabel = "NAME", description = "the technician who found out what changed the row")
    String technician;

    @Option(names = "--note", paramLabel = "TEXT", description = "what the technician found out (kept in the audit log and the queue's journal)")
    String note;

    @Spec
    CommandSpec spec;

    QueueReleaseCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (technician.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "release needs --technician NAME (password on standard input)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password = StdinLines.password(env.stdin());
        try (Terminal t = TerminalCommands.open(options, env, err)) {
            Operators operators = t.operators();
            TamperFindings.Release r = t.tamperFindings().release(operators, technician, password, key, note);
            if (!r.allowed()) {
                err.println("not released: " + technician + " is not a technician, or the password is wrong (recorded in the audit log)");
                return 1;
            }
            if (r.released().isEmpty()) {
                err.println("nothing held for " + key + ": see 'medcard queue tamper list' for the held rows");
                return 1;
            }
            if (options.json) {
                ObjectNode n = TerminalCommands.JSON.createObjectNode();
                r.released().forEach(n.putArray("released")::add);
                TerminalCommands.printJson(out, n);
            } else {
                r.released().forEach(row -> out.println("released: " + row));
                out.println("it goes to the center with the next forward (medcard queue forward); the center checks it");
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
