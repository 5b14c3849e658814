package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.voids.VoidOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard void SETL_ID --supervisor NAME}: cancels a settlement (2103); the supervisor's password is
 * the first line of standard input. Exit 0 when voided, 1 otherwise.
 */
@Command(name = "void", description = "Void a settlement (supervisor; password on standard input).", mixinStandardHelpOptions = true)
final class VoidCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Mixin
    ReceiptOptions receipt;

    @Parameters(index = "0", paramLabel = "SETL_ID", description = "the center's settlement id from the receipt")
    String setlId;

    @Option(names = "--supervisor", required = true, paramLabel = "NAME", description = "the supervisor who authorises the void")
    String supervisor;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "voided at the counter", description = "why (sent to the center)")
    String reason;

    @Spec
    CommandSpec spec;

    VoidCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        char[] password = StdinLines.password(env.stdin());
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr(), receipt.output())) {
            Operators operators = t.operators();
            VoidOutcome o = t.voidDesk(operators).voidSettlement(setlId, supervisor, password, reason);
            int exit = VoidOutput.print(out, o, t.voidTexts().line(o), options.json);
            receipt.deliver(t, t.voidDocuments().voidReceipt(o, reason, supervisor), options.json, out, spec.commandLine().getErr());
            return exit;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
