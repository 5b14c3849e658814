package org.medcard.terminal.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medcard outpatient settle}: settles a batch of an open visit (the fee if unpaid + prescribed items) with the card
 * in the reader, or in cash during a fault with {@code --id-number} (R11); {@code medcard outpatient close}: the clerk
 * closes a visit (it takes no further batch).
 */
@Command(name = "outpatient", description = "Outpatient visits (hospital).", mixinStandardHelpOptions = true,
        subcommands = {OutpatientCommand.Settle.class, OutpatientCommand.Close.class})
final class OutpatientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: settle or close");
    }

    @Command(name = "settle", description = "Settle a batch of a registered visit: the items, and the fee if unpaid (2206, card"
            + " debit, 2207). A visit takes several batches on its day.",
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

        @Option(names = "--id-number", paramLabel = "ID", description = "the patient's ID number from the ID card: during a reader,"
                + " card, PSAM or center fault the batch is paid in cash and recorded as a re-settlement entry (R11)")
        String idNumber;

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
                        pinStdin ? StdinPin.firstLineOf(env.stdin()) : PinSource.NONE, "clerk", Optional.ofNullable(idNumber));
                int code = VisitOutput.print(spec.commandLine().getOut(), o, t.visitTexts().line(o), options.json);
                receipt.deliver(t, t.visitDocuments().settlement(o, "clerk"), options.json, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
                return code;
            }
        }
    }

    /** {@code medcard outpatient close --visit MDTRT_ID}: the clerk closes a visit; it takes no further payment. */
    @Command(name = "close", description = "Close a visit: it takes no further batch (the day close closes the day's visits).",
            mixinStandardHelpOptions = true)
    static final class Close implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Option(names = "--visit", required = true, paramLabel = "MDTRT_ID", description = "the visit id from the registration")
        String visit;

        @Spec
        CommandSpec spec;

        Close(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
                VisitOutcome o = t.registrationDesk(DepartmentCatalog.bundled()).close(visit);
                return VisitOutput.print(spec.commandLine().getOut(), o, t.visitTexts().line(o), options.json);
            }
        }
    }
}
