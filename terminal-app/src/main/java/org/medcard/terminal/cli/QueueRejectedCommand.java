package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.rejected.RejectedModel;
import org.medcard.terminal.rejected.RejectedDesk;
import org.medcard.terminal.rejected.RejectedItem;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard queue rejected}: every message the center rejected, with its reason and what was done about it (the
 * automatic 2601 reversal of a settlement the card had paid, the refund that goes back to the card), card numbers
 * masked. Exit 1 while any still needs a supervisor. {@code medcard queue rejected resolve MSGID --resend|--reverse|
 * --handled --note TEXT --supervisor NAME} (password on standard input) resolves one, audited; exit 1 when refused.
 * One command with an ACTION word, like {@code queue tamper}: {@code queue rejected} alone lists.
 */
@Command(name = "rejected", description = "Messages the center rejected and what was done about each: list (default);"
        + " resolve MSGID --resend|--reverse|--handled --note TEXT --supervisor NAME (password on standard input).",
        mixinStandardHelpOptions = true)
final class QueueRejectedCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", arity = "0..1", defaultValue = "list", paramLabel = "ACTION",
            description = "list or resolve (default: list)")
    Action action;

    enum Action { list, resolve }

    @Parameters(index = "1", arity = "0..1", paramLabel = "MSGID", description = "resolve: the rejected message, as the list shows it")
    String msgid;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--resend", description = "resolve: send it again as a new message (new msgid)")
        boolean resend;

        @Option(names = "--reverse", description = "resolve: ask the center to reverse it (2601); a card debit comes back as a load")
        boolean reverse;

        @Option(names = "--handled", description = "resolve: mark it handled outside the terminal (--note required)")
        boolean handled;
    }

    @Option(names = "--note", paramLabel = "TEXT", description = "resolve: what was done or found out (kept in the audit log)")
    String note;

    @Option(names = "--supervisor", paramLabel = "NAME", description = "resolve: the supervisor who resolves it")
    String supervisor;

    @Spec
    CommandSpec spec;

    QueueRejectedCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return action == Action.resolve ? resolve() : list();
    }

    private int list() {
        PrintWriter out = spec.commandLine().getOut();
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
            List<RejectedItem> items = desk(t).list();
            Texts texts = Texts.of(RejectedModel.BUNDLE, t.config().language());
            if (options.json) {
                ObjectNode n = TerminalCommands.JSON.createObjectNode();
                n.put("needs_supervisor", items.stream().filter(RejectedItem::needsSupervisor).count());
                ArrayNode a = n.putArray("rejected");
                items.forEach(i -> json(a.addObject(), i, texts));
                TerminalCommands.printJson(out, n);
            } else {
                out.println(RejectedModel.answer(items, texts, null).headline());
                items.forEach(i -> {
                    out.println(RejectedModel.line(texts, i));
                    out.println("  " + RejectedModel.reason(texts, i));
                    out.println("  " + RejectedModel.resolution(texts, i));
                });
            }
            return items.stream().anyMatch(RejectedItem::needsSupervisor) ? 1 : 0;
        }
    }

    static RejectedDesk desk(Terminal t) {
        return t.rejectedDesk();
    }

    static ObjectNode json(ObjectNode o, RejectedItem i, Texts texts) {
        o.put("msgid", i.msgid()).put("infno", i.infno()).put("at", i.at()).put("card", i.card()).put("sale_id", i.saleId())
                .put("infcode", i.infcode()).put("reason", i.reason()).put("resolution", i.resolution().name())
                .put("resolution_text", RejectedModel.resolution(texts, i)).put("resolved_by", i.resolvedBy()).put("note", i.note())
                .put("card_debit", i.cardDebitFen()).put("refund_load_id", i.refundLoadId()).put("resent_as", i.resentAs())
                .put("needs_supervisor", i.needsSupervisor());
        ArrayNode actions = o.putArray("actions");
        if (i.canResend()) {
            actions.add("resend");
        }
        if (i.canReverse()) {
            actions.add("reverse");
        }
        if (i.canMarkHandled()) {
            actions.add("handled");
        }
        return o;
    }

    private int resolve() {
        if (msgid == null || choice == null || supervisor == null || supervisor.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "resolve needs MSGID, one of --resend, --reverse,"
                    + " --handled, and --supervisor NAME (password on standard input)");
        }
        RejectedDesk.Action what = choice.resend ? RejectedDesk.Action.RESEND
                : choice.reverse ? RejectedDesk.Action.REVERSE : RejectedDesk.Action.HANDLED;
        if (what == RejectedDesk.Action.HANDLED && (note == null || note.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--handled needs --note TEXT: what was done about the message");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password = StdinLines.password(env.stdin());
        try (Terminal t = TerminalCommands.open(options, env, err)) {
            Texts texts = Texts.of(RejectedModel.BUNDLE, t.config().language());
            Operators operators = t.operators();
            Optional<RejectedDesk.Resolved> r;
            try {
                r = desk(t).resolve(operators, supervisor, password, msgid, what, note);
            } catch (IllegalArgumentException e) {
                err.println(texts.text("rejected.refused", e.getMessage()));
                return 1;
            }
            if (r.isEmpty()) {
                err.println(texts.text("rejected.not_supervisor", supervisor));
                return 1;
            }
            if (options.json) {
                ObjectNode n = json(TerminalCommands.JSON.createObjectNode(), r.get().item(), texts);
                n.put("action", what.name()).put("new_msgid", r.get().newMsgid()).put("message", RejectedModel.done(texts, r.get()));
                TerminalCommands.printJson(out, n);
            } else {
                out.println(RejectedModel.done(texts, r.get()));
                out.println("  " + RejectedModel.resolution(texts, r.get().item()));
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
