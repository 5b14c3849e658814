package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.card.IdNumber;
import org.medcard.queue.ExportMode;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSummary;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.queue.SaleTicket;
import org.medcard.queue.TamperReport;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard queue [list|forward|export|verify]}: what waits for the center, sending it now, an export (masked
 * by default, {@code --full} to move the queue to another PC), and the tamper-evidence check of the journal. Exit 1 when forwarding cannot reach the center or the check finds
 * something.
 */
@Command(name = "queue", description = "The store-and-forward queue: list (default), forward, export, verify; tamper findings: queue tamper.",
        mixinStandardHelpOptions = true, subcommands = {QueueTamperCommand.class, QueueReleaseCommand.class, QueueUnresolvedCommand.class,
                QueueRejectedCommand.class})
final class QueueCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..1", paramLabel = "ACTION", defaultValue = "list",
            description = "list, forward, export or verify (default: list)")
    Action action;

    enum Action { list, forward, export, verify }

    @Option(names = "--out", paramLabel = "FILE", description = "export: the JSON Lines file to write")
    Path exportFile;

    @Option(names = "--replace", description = "export: replace an existing file (atomically); without it an existing file is refused")
    boolean replace;

    @Option(names = "--full", description = "export: card and ID numbers in full, importable on another PC"
            + " (default: masked, for reading only)")
    boolean fullExport;

    @Spec
    CommandSpec spec;

    QueueCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (action == Action.export && exportFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "export needs --out FILE");
        }
        try (Terminal t = TerminalCommands.open(options, env, err,
                action == Action.export ? new TerminalCommands.Output(exportFile, replace) : null)) {
            return switch (action) {
                case list -> list(t, out);
                case forward -> forward(t, out, err);
                case export -> export(t, out);
                case verify -> verify(t, out);
            };
        }
    }

    private int list(Terminal t, PrintWriter out) {
        QueueSummary s = t.queue().summary();
        List<SaleTicket> unfinished = t.queue().unfinishedSales();
        List<ResettlementEntry> open = t.queue().resettlements(ResettlementState.OPEN);
        List<OutboxMessage> waiting = new java.util.ArrayList<>(t.queue().messages(OutboxState.PENDING));
        waiting.addAll(t.queue().messages(OutboxState.UNKNOWN));
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("queued_debits", s.queuedDebits()).put("queued_debit_fen", s.queuedDebitFen())
                    .put("oldest_queued_seconds", s.oldestQueuedAge().toSeconds()).put("pending_messages", s.pendingMessages())
                    .put("unknown_messages", s.unknownMessages()).put("rejected_messages", s.rejectedMessages())
                    .put("open_resettlements", s.openResettlements()).put("unfinished_sales", s.unfinishedSales())
                    .put("forwarding_blocked", s.forwardingBlocked());
            ArrayNode u = n.putArray("unfinished");
            unfinished.forEach(x -> u.addObject().put("sale_id", x.saleId()).put("acct_pay_fen", x.intent().acctPayFen())
                    .put("tx_time", x.txTime()));
            ArrayNode e = n.putArray("resettlement_entries");
            open.forEach(x -> e.addObject().put("entry_no", x.entryNo()).put("fault", x.fault().name())
                    .put("total_fen", x.totalFen()).put("cash_paid_fen", x.cashPaidFen()).put("id_masked", IdNumber.mask(x.psnCertNo()))
                    .put("original_time", x.originalTime()));
            ArrayNode m = n.putArray("messages");
            waiting.forEach(x -> m.addObject().put("msgid", x.msgid()).put("infno", x.transaction()).put("state", x.state().name())
                    .put("attempts", x.attempts()));
            TerminalCommands.printJson(out, n);
            return 0;
        }
        out.println("offline debits waiting: " + s.queuedDebits() + " (" + Yuan.format(s.queuedDebitFen()) + ")"
                + (s.forwardingBlocked() ? "  UNVERIFIED: the queue was changed outside the terminal" : ""));
        out.println("messages waiting:       " + s.pendingMessages() + " (" + s.unknownMessages() + " sent without an answer)");
        out.println("rejected messages:      " + s.rejectedMessages() + (s.rejectedMessages() > 0 ? "  (need a supervisor: medcard queue rejected)" : ""));
        out.println("re-settlement entries:  " + s.openResettlements() + " open");
        out.println("unfinished sales:       " + s.unfinishedSales() + " (resolved when their card is presented)");
        if (s.forwardingBlocked()) {
            out.println("FORWARDING BLOCKED: tamper evidence found; a supervisor must look at 'medcard queue tamper list'"
                    + " and acknowledge it ('medcard queue tamper acknowledge --supervisor NAME')");
        }
        open.forEach(x -> out.println("  entry " + x.entryNo() + "  " + x.fault() + "  " + Yuan.format(x.totalFen())
                + "  ID " + IdNumber.mask(x.psnCertNo()) + "  " + x.originalTime()));
        unfinished.forEach(x -> out.println("  unfinished sale " + x.saleId() + "  " + Yuan.format(x.intent().acctPayFen()) + "  " + x.txTime()));
        waiting.forEach(x -> out.println("  " + x.transaction() + " " + x.msgid() + "  " + x.state() + "  attempts " + x.attempts()));
        return 0;
    }

    private int forward(Terminal t, PrintWriter out, PrintWriter err) {
        if (t.queue().forwardingBlocked()) {
            QueueSummary s = t.queue().summary();
            err.println("forwarding is blocked by a tamper finding (" + s.queuedDebits() + " offline debit(s), " + s.pendingMessages()
                    + " message(s) wait): a supervisor looks at 'medcard queue tamper list' and acknowledges it with"
                    + " 'medcard queue tamper acknowledge --supervisor NAME'");
            return 1;
        }
        if (t.forwarder().isEmpty() || t.onlineCenter().isEmpty()) {
            err.println("the center cannot be reached: " + t.state().center().reason());
            return 1;
        }
        List<ForwardResult> results = t.forwarder().orElseThrow().drainOnce();
        boolean allAnswered = results.stream().noneMatch(r -> r.state() == OutboxState.UNKNOWN);
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            ArrayNode a = n.putArray("results");
            results.forEach(r -> a.addObject().put("msgid", r.msgid()).put("infno", r.transaction()).put("state", r.state().name())
                    .put("accepted", r.accepted()).put("rejected", r.rejected()).put("detail", r.detail()));
            n.put("queued_debits", t.queue().summary().queuedDebits());
            TerminalCommands.printJson(out, n);
        } else {
            results.forEach(r -> out.println(r.transaction() + " " + r.msgid() + ": " + r.state() + " (accepted " + r.accepted()
                    + ", rejected " + r.rejected() + ")" + (r.detail() == null ? "" : " " + r.detail())));
            out.println(results.isEmpty() ? "nothing to forward" : "offline debits still waiting: " + t.queue().summary().queuedDebits());
        }
        return allAnswered && held(t, err) ? 0 : 1;
    }

    /** Says what waits but is not sent (queued for another center, or held after a tamper finding); false if any. */
    private static boolean held(Terminal t, PrintWriter err) {
        long otherCenter = t.queue().heldForOtherCenters();
        List<String> tampered = t.queue().heldAfterTamper();
        if (otherCenter > 0) {
            err.println(otherCenter + " message(s) or offline debit(s) were queued for another center and are not sent to this one:"
                    + " forward them with the configuration they were queued under");
        }
        if (!tampered.isEmpty()) {
            err.println(tampered.size() + " row(s) found edited are held from the center: see 'medcard queue tamper list'; a technician"
                    + " who has found out what changed one lets it go with 'medcard queue release MSGID|SALE --technician NAME'");
        }
        return otherCenter == 0 && tampered.isEmpty();
    }

    /** Verifies the chain, then writes the export; exit 1 when the verification found something (written all the same). */
    private int export(Terminal t, PrintWriter out) {
        if (exportFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "export needs --out FILE");
        }
        ExportMode mode = fullExport ? ExportMode.FULL : ExportMode.MASKED;
        TamperReport r = t.queue().export(exportFile, mode, replace);
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("file", exportFile.toAbsolutePath().toString()).put("mode", mode.name()).put("clean", r.clean());
            ArrayNode f = n.putArray("findings");
            r.findings().forEach(f::add);
            TerminalCommands.printJson(out, n);
        } else {
            out.println("exported (" + mode + ") to " + exportFile.toAbsolutePath());
            out.println(r.clean() ? "journal chain verified: no findings" : "FINDINGS (recorded in the export's header):");
            r.findings().forEach(x -> out.println("  " + x));
        }
        return r.clean() ? 0 : 1;
    }

    private int verify(Terminal t, PrintWriter out) {
        TamperReport r = t.queue().verify();
        t.tamperFindings().recordFound();
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("clean", r.clean()).put("blocks_forwarding", r.blocksForwarding());
            ArrayNode f = n.putArray("findings");
            r.findings().forEach(f::add);
            TerminalCommands.printJson(out, n);
        } else {
            out.println(r.clean() ? "journal chain verified: no findings" : "FINDINGS:");
            r.findings().forEach(x -> out.println("  " + x));
        }
        return r.clean() ? 0 : 1;
    }
}
