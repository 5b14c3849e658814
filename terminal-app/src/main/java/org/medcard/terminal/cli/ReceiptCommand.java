package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.ReceiptWiring;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard receipt list|reprint}: the receipts this terminal issued, from its journal. Works without the
 * reader, the PSAM and the center — a reprint is most wanted when something else is broken. Exit 0 done,
 * 1 no such receipt or it could not be saved/printed, 2 usage.
 */
@Command(name = "receipt", description = "List and reprint the receipts this terminal issued.", mixinStandardHelpOptions = true,
        subcommands = {ReceiptCommand.ListReceipts.class, ReceiptCommand.Reprint.class})
final class ReceiptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or reprint");
    }

    /**
     * The receipt desk on this installation's terminal.db, without starting the terminal: wired by the root's
     * {@link ReceiptWiring}, the same one {@code Terminal.receipts()} is built with (issue 13: one receipt desk).
     */
    static final class Opened implements AutoCloseable {
        private final ReceiptWiring receipts;
        final ReceiptDesk desk;

        Opened(CommonOptions options, TerminalEnvironment env, PrintWriter err, TerminalCommands.Output... outputs) {
            ConfigLoader.Loaded loaded = options.load(env.defaultDataDir());
            loaded.warnings().forEach(w -> err.println("warning: " + w));
            TerminalConfig c = loaded.config();
            TerminalCommands.checkOutputs(options, env, c, outputs);
            this.receipts = new ReceiptWiring(c, env.clock());
            this.desk = receipts.desk();
        }

        @Override
        public void close() {
            receipts.close();
        }
    }

    @Command(name = "list", description = "The receipts issued (of one day with --date), oldest first.", mixinStandardHelpOptions = true)
    static final class ListReceipts implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Option(names = "--date", paramLabel = "yyyy-MM-dd", description = "only this day's receipts (default: all)")
        LocalDate date;

        @Spec
        CommandSpec spec;

        ListReceipts(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Opened o = new Opened(options, env, spec.commandLine().getErr())) {
                List<ReceiptJournal.Entry> entries = date == null ? o.desk.listAll() : o.desk.list(date);
                if (options.json) {
                    ObjectNode n = TerminalCommands.JSON.createObjectNode();
                    ArrayNode a = n.putArray("receipts");
                    for (ReceiptJournal.Entry e : entries) {
                        ObjectNode r = a.addObject().put("id", e.id()).put("time", e.at().toString()).put("kind", e.kind())
                                .put("operator", e.operator()).put("setl_id", e.setlId()).put("entry_no", e.entryNo())
                                .put("card_no", e.cardMasked()).put("training", e.training()).put("reprints", e.reprints());
                        if (e.totalFen() != null) {
                            r.put("total_fen", e.totalFen());
                        }
                    }
                    TerminalCommands.printJson(out, n);
                } else {
                    for (ReceiptJournal.Entry e : entries) {
                        out.println(String.format(java.util.Locale.ROOT, "%5d  %s  %-20s %10s  %-16s %s%s", e.id(),
                                e.at().toLocalDate() + " " + e.at().toLocalTime().withNano(0), e.kind(),
                                e.totalFen() == null ? "" : Yuan.format(e.totalFen()),
                                e.cardMasked() == null ? "" : e.cardMasked(),
                                Optional.ofNullable(e.setlId()).or(() -> Optional.ofNullable(e.entryNo())).orElse(""),
                                e.reprints() > 0 ? "  (reprinted " + e.reprints() + "×)" : ""));
                    }
                    out.println(entries.size() + " receipt(s)");
                }
                return 0;
            }
        }
    }

    @Command(name = "reprint", description = "Reprint a receipt (marked REPRINT / 重印).", mixinStandardHelpOptions = true)
    static final class Reprint implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Mixin
        ReceiptOptions receipt;

        @Parameters(index = "0", paramLabel = "ID", description = "the receipt number (medcard receipt list)")
        long id;

        @Spec
        CommandSpec spec;

        Reprint(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (receipt.file == null && !receipt.print) {
                throw new CommandLine.ParameterException(spec.commandLine(), "say where the copy goes: --receipt FILE.pdf or --print");
            }
            try (Opened o = new Opened(options, env, err, receipt.output())) {
                Optional<ReceiptDesk.Issued> copy = o.desk.reprint(id);
                if (copy.isEmpty()) {
                    err.println("no receipt No. " + id + " in this terminal's journal (medcard receipt list)");
                    return 1;
                }
                if (options.json) {
                    TerminalCommands.printJson(out, TerminalCommands.JSON.createObjectNode().put("id", id)
                            .put("kind", copy.get().sheet().kind()).put("reprint", copy.get().reprint()));
                }
                return receipt.deliver(o.desk, copy.get(), options.json, out, err) ? 0 : 1;
            }
        }
    }
}
