package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.tamper.TamperFinding;
import org.medcard.terminal.tamper.TamperFindings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard queue tamper [list|show ID|acknowledge]}: what was found changed in the queue outside the terminal,
 * when, and who acknowledged it; acknowledging (a supervisor, password on standard input) lets forwarding resume for
 * the rows that verify, and holds the rows found edited. Exit 1: list — forwarding is blocked; show — no such
 * finding; acknowledge — not a supervisor.
 */
@Command(name = "tamper", description = "Tamper findings: list (default), show ID, acknowledge --supervisor NAME (password on standard input).",
        mixinStandardHelpOptions = true)
final class QueueTamperCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", arity = "0..1", defaultValue = "list", paramLabel = "ACTION",
            description = "list, show or acknowledge (default: list)")
    Action action;

    enum Action { list, show, acknowledge }

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "show: the finding's number (from list)")
    Long id;

    @Option(names = "--supervisor", paramLabel = "NAME", description = "acknowledge: the supervisor who looked at the findings")
    String supervisor;

    @Option(names = "--note", paramLabel = "TEXT", description = "acknowledge: what the supervisor found out (kept in the audit log)")
    String note;

    @Spec
    CommandSpec spec;

    QueueTamperCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (action == Action.show && id == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "show needs the finding's number: medcard queue tamper show ID");
        }
        if (action == Action.acknowledge && (supervisor == null || supervisor.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "acknowledge needs --supervisor NAME (password on standard input)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password = action == Action.acknowledge ? StdinLines.password(env.stdin()) : new char[0];
        try (Terminal t = TerminalCommands.open(options, env, err)) {
            TamperFindings findings = t.tamperFindings();
            return switch (action) {
                case list -> list(findings, out);
                case show -> show(findings, out, err);
                case acknowledge -> acknowledge(t, findings, password, out, err);
            };
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private int list(TamperFindings findings, PrintWriter out) {
        List<TamperFinding> all = findings.list();
        boolean blocking = findings.blocking();
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode().put("forwarding_blocked", blocking);
            ArrayNode a = n.putArray("findings");
            all.forEach(f -> json(a.addObject(), f));
            ArrayNode h = n.putArray("held");
            findings.held().forEach(h::add);
            TerminalCommands.printJson(out, n);
        } else {
            if (all.isEmpty()) {
                out.println("no tamper findings: the queue's chain verifies");
            }
            all.forEach(f -> out.println(line(f)));
            findings.held().forEach(h -> out.println("  held: " + h));
            if (blocking) {
                out.println("FORWARDING BLOCKED until a supervisor acknowledges: medcard queue tamper acknowledge --supervisor NAME"
                        + " --note TEXT (password on standard input)");
            }
        }
        return blocking ? 1 : 0;
    }

    private int show(TamperFindings findings, PrintWriter out, PrintWriter err) {
        var detail = findings.show(id);
        if (detail.isEmpty()) {
            err.println("no tamper finding No. " + id + ": see medcard queue tamper list");
            return 1;
        }
        TamperFinding f = detail.get().finding();
        if (options.json) {
            ObjectNode n = json(TerminalCommands.JSON.createObjectNode(), f);
            detail.get().journal().forEach(n.putArray("journal")::add);
            detail.get().held().forEach(n.putArray("held")::add);
            TerminalCommands.printJson(out, n);
            return 0;
        }
        out.println(line(f));
        out.println("what the terminal journalled for this row (newest last):");
        if (detail.get().journal().isEmpty()) {
            out.println("  (the finding is about the journal itself, or the row is unknown to it)");
        }
        detail.get().journal().forEach(j -> out.println("  " + j));
        detail.get().held().forEach(h -> out.println("held: " + h));
        return 0;
    }

    private int acknowledge(Terminal t, TamperFindings findings, char[] password, PrintWriter out, PrintWriter err) {
        Operators operators = t.operators();
        TamperFindings.Acknowledgement a = findings.acknowledge(operators, supervisor, password, note);
        if (!a.done()) {
            err.println("not acknowledged: " + supervisor + " is not a supervisor, or the password is wrong (recorded in the audit log)");
            return 1;
        }
        a.findings().stream().filter(f -> supervisor.equals(f.acknowledgedBy())).forEach(f -> out.println(line(f)));
        a.held().forEach(h -> out.println("  held: " + h));
        out.println(findings.blocking() ? "forwarding is still blocked: a new finding appeared" : "forwarding resumes for the rows that verify");
        return findings.blocking() ? 1 : 0;
    }

    private static String line(TamperFinding f) {
        return String.format(java.util.Locale.ROOT, "%4d  %-15s found %s  %s%s", f.id(), f.status(), f.foundAt(), f.what(),
                f.acknowledgedBy() == null ? "" : "  — acknowledged by " + f.acknowledgedBy() + " at " + f.acknowledgedAt()
                        + (f.note() == null || f.note().isEmpty() ? "" : " (" + f.note() + ")"));
    }

    private static ObjectNode json(ObjectNode n, TamperFinding f) {
        return n.put("id", f.id()).put("status", f.status().name()).put("what", f.what()).put("found_at", f.foundAt())
                .put("acknowledged_by", f.acknowledgedBy()).put("acknowledged_at", f.acknowledgedAt()).put("note", f.note());
    }
}
