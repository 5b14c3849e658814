package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.card.IdNumber;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.resettle.EntryView;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard resettle list|settle}: the R11 re-settlement entries (case 3). Both first forward what waits
 * for the center (the entries' 8400 registrations), since the fault may have been cleared since.
 */
@Command(name = "resettle", description = "Re-settlement entries of cash sales paid during a fault (R11).",
        mixinStandardHelpOptions = true, subcommands = {ResettleCommand.ListEntries.class, ResettleCommand.Settle.class})
final class ResettleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code medcard resettle list [--id-number ID]}: this counter's entries and the institution's (8402). Exit 0. */
    @Command(name = "list", description = "List the entries (this counter's and, online, the institution's).", mixinStandardHelpOptions = true)
    static final class ListEntries implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Option(names = "--id-number", paramLabel = "ID", description = "only the entries of this ID number")
        String idNumber;

        @Spec
        CommandSpec spec;

        ListEntries(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
                ResettleDesk desk = t.resettleDesk();
                desk.registerOpenEntries();
                List<EntryView> entries = idNumber == null ? desk.list() : desk.list(idNumber.toUpperCase(java.util.Locale.ROOT));
                if (options.json) {
                    ObjectNode n = TerminalCommands.JSON.createObjectNode();
                    ArrayNode a = n.putArray("entries");
                    entries.forEach(e -> a.addObject().put("entry_no", e.entryNo()).put("state", e.state()).put("fault", e.fault())
                            .put("original_time", e.originalTime()).put("id_masked", IdNumber.mask(e.psnCertNo()))
                            // --json keeps null for "none" at its edge (the contract's fields are unchanged)
                            .put("cash_paid_fen", e.cashPaidFen()).put("setl_id", e.setlId().orElse(null))
                            .put("reason", e.reason().orElse(null))
                            .put("this_counter", e.local()));
                    TerminalCommands.printJson(out, n);
                    return 0;
                }
                if (entries.isEmpty()) {
                    out.println("no re-settlement entries");
                }
                entries.forEach(e -> out.println(e.entryNo() + "  " + e.state() + "  " + e.originalTime() + "  "
                        + IdNumber.mask(e.psnCertNo()) + "  " + Yuan.format(e.cashPaidFen()) + "  " + e.fault()
                        + (e.local() ? "" : "  (other counter)") + e.reason().map(r -> "  " + r).orElse("")));
                return 0;
            }
        }
    }

    /**
     * {@code medcard resettle settle ENTRY}: re-settles the entry with the patient's card in the reader. Exit 0
     * when SETTLED (refund the printed amount in cash), 1 otherwise.
     */
    @Command(name = "settle", description = "Re-settle an entry with the patient's card in the reader; prints the cash refund.",
            mixinStandardHelpOptions = true)
    static final class Settle implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Mixin
        ReceiptOptions receipt;

        @Parameters(index = "0", paramLabel = "ENTRY", description = "the entry number from the cash receipt")
        String entryNo;

        @Mixin
        SimCardOption simCard;

        @Option(names = "--pin-stdin", description = "read the cardholder's 6-digit PIN from the first line of standard input"
                + " (needed when the personal account pays its share)")
        boolean pinStdin;

        @Option(names = "--account", paramLabel = "FEN", description = "the personal account pays at most this much"
                + " (default: as much as the center allows; 0: the pooling share alone is refunded)")
        Long accountFen;

        @Spec
        CommandSpec spec;

        Settle(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (accountFen != null && accountFen < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--account must not be negative");
            }
            PinSource pin = pinStdin ? StdinPin.firstLineOf(env.stdin()) : PinSource.NONE;
            try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr(), receipt.output())) {
                simCard.present(t, spec.commandLine());
                ResettleDesk desk = t.resettleDesk();
                desk.registerOpenEntries();
                ResettleOutcome o = desk.settle(entryNo.toUpperCase(java.util.Locale.ROOT), "cashier", pin,
                        accountFen == null ? OptionalLong.empty() : OptionalLong.of(accountFen));
                String message = t.resettleTexts().line(o);
                // The --json contract: every outcome has every field; one not settled has no setl_id and zero amounts.
                ResettleOutcome.Settled settled = o instanceof ResettleOutcome.Settled s ? s : null;
                if (options.json) {
                    ObjectNode n = TerminalCommands.JSON.createObjectNode().put("outcome", o.kind().name()).put("entry_no", o.entryNo())
                            .put("setl_id", settled == null ? null : settled.setlId())
                            .put("fund_pay_fen", settled == null ? 0 : settled.fundFen())
                            .put("acct_pay_fen", settled == null ? 0 : settled.accountFen())
                            .put("refund_fen", settled == null ? 0 : settled.refundFen())
                            .put("message_key", o.messageKey()).put("message", message);
                    TerminalCommands.printJson(out, n);
                } else {
                    out.println("outcome:      " + o.kind());
                    if (settled != null) {
                        out.println("setl_id:      " + settled.setlId());
                        out.println("pooling fund: " + Yuan.format(settled.fundFen()));
                        out.println("account:      " + Yuan.format(settled.accountFen()));
                        out.println("refund cash:  " + Yuan.format(settled.refundFen()));
                    }
                    out.println(message);
                }
                receipt.deliver(t, t.resettleDocuments().resettlement(o, "cashier"), options.json, out, spec.commandLine().getErr());
                return o.kind() == ResettleOutcome.Kind.SETTLED ? 0 : 1;
            }
        }
    }
}
