package org.medcard.terminal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
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
        char[] password = readLine();
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

    /** The first line of stdin as chars (never a String, so it can be wiped). */
    private char[] readLine() {
        BufferedReader in = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
        CharBuffer buf = CharBuffer.allocate(128);
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && c != '\r' && buf.hasRemaining()) {
                buf.put((char) c);
            }
        } catch (IOException e) {
            return new char[0];
        }
        buf.flip();
        char[] line = new char[buf.remaining()];
        buf.get(line);
        Arrays.fill(buf.array(), '\0');
        return line;
    }
}
