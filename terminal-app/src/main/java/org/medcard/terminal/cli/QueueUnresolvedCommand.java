package org.medcard.terminal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.queue.JournalEntry;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.logging.SensitiveNumbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code medcard queue unresolved}: the supervisor's list of torn sales that tearing recovery could not decide (the
 * card's proof aged out and its transaction log did not settle it): never recorded as "not debited", each waits here
 * with the evidence until the supervisor settles it with the center (issue 18, case 3). Exit 1 while any is listed.
 */
@Command(name = "unresolved", description = "Torn sales the card could not decide (a supervisor settles each with the center), with the evidence.",
        mixinStandardHelpOptions = true)
final class QueueUnresolvedCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    QueueUnresolvedCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
            List<JournalEntry> tasks = t.queue().unresolvedSales();
            if (options.json) {
                ObjectNode n = TerminalCommands.JSON.createObjectNode();
                ArrayNode a = n.putArray("unresolved");
                tasks.forEach(e -> {
                    JsonNode p = payload(e);
                    a.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("sale_id", e.saleId())
                            .put("debit_in_log", p.path("debit_in_log").asBoolean())
                            .put("evidence", SensitiveNumbers.maskAll(p.path("evidence").asText("")));
                });
                TerminalCommands.printJson(out, n);
            } else if (tasks.isEmpty()) {
                out.println("no unresolved torn sales");
            } else {
                tasks.forEach(e -> {
                    JsonNode p = payload(e);
                    out.println(e.saleId() + "  " + e.at() + (p.path("debit_in_log").asBoolean() ? "  the card's log shows a debit" : "")
                            + "\n  evidence: " + SensitiveNumbers.maskAll(p.path("evidence").asText("")));
                });
                out.println(tasks.size() + " unresolved torn sale(s): settle each with the center (the evidence is also in medcard audit list)");
            }
            return tasks.isEmpty() ? 0 : 1;
        }
    }

    private static JsonNode payload(JournalEntry e) {
        try {
            return TerminalCommands.JSON.readTree(e.payload() == null ? "{}" : e.payload());
        } catch (IOException ex) {
            return TerminalCommands.JSON.createObjectNode().put("evidence", "(unreadable journal payload)");
        }
    }
}
