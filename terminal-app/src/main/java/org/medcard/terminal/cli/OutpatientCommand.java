package org.medcard.terminal.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medcard outpatient settle}: settles an open visit (fee + prescribed items) with the card in the reader. */
@Command(name = "outpatient", description = "Outpatient visits (hospital).", mixinStandardHelpOptions = true,
        subcommands = OutpatientCommand.Settle.class)
final class OutpatientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: settle");
    }

    @Command(name = "settle", description = "Settle a registered visit: the fee and the items (2206, card debit, 2207).",
            mixinStandardHelpOptions = true)
    static final class Settle implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Mixin
        ReceiptOptions receipt;

        @Option(names = "--visit", required = true, paramLabel = "MDTRT_ID", description = "the visit id from the registration")
        String visit;

        @Option(names = "--items", split = ",", paramLabel = "CODE:QTY", description = "the prescribed items (none: the fee only)")
        List<String> items = List.of();

        @Option(names = "--pin-stdin", description = "read the cardholder's 6-digit PIN from the first line of standard input")
        boolean pinStdin;

        @Mixin
        SimCardOption simCard;

        @Spec
        CommandSpec spec;

        Settle(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            List<SaleItem> parsed;
            try {
                parsed = items.stream().filter(s -> !s.isBlank()).map(SaleItem::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr(), receipt.output())) {
                simCard.present(t, spec.commandLine());
                VisitOutcome o = t.registrationDesk(DepartmentCatalog.bundled()).settle(visit, parsed,
                        pinStdin ? StdinPin.firstLineOf(env.stdin()) : PinSource.NONE, "clerk");
                int code = VisitOutput.print(spec.commandLine().getOut(), o, options.json);
                receipt.deliver(t, org.medcard.terminal.receipt.desk.OutcomeReceipts.of(o), options.json, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
                return code;
            }
        }
    }
}
