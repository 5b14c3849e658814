package org.medcard.terminal.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PinSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard register}: outpatient registration of the card in the reader (hospital terminals, online).
 * By default the fee is settled at once (2206 with the fee as its only line, then 2207); with
 * {@code --settle-later} the visit stays open and {@code medcard outpatient settle} pays fee and items together.
 * Exit 0 when registered (and settled), 1 when not, 2 for a usage error.
 */
@Command(name = "register", description = "Register an outpatient visit for the card in the reader (hospital).",
        mixinStandardHelpOptions = true, subcommands = RegisterCommand.Cancel.class)
final class RegisterCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Mixin
    ReceiptOptions receipt;

    // Not picocli-required: a required option of the parent would also be demanded by "register cancel".
    @Option(names = "--dept", paramLabel = "CODE", description = "the department, e.g. D01 (required)")
    String dept;

    @Option(names = "--doctor", paramLabel = "CODE", description = "the doctor (default: the department's first doctor)")
    String doctor;

    @Option(names = "--settle-later", description = "do not settle the fee now; it is settled with the visit's items")
    boolean settleLater;

    @Option(names = "--pin-stdin", description = "read the cardholder's 6-digit PIN from the first line of standard input")
    boolean pinStdin;

    @Option(names = "--family", paramLabel = "PSN_NO", description = "the visit is this family member's (R3: employee cards, online)")
    String family;

    @Option(names = "--id-number", paramLabel = "ID", description = "the patient's ID number from the ID card: during a reader, card,"
            + " PSAM or center fault the fee is paid in cash and recorded as a re-settlement entry (R11)")
    String idNumber;

    @Mixin
    SimCardOption simCard;

    @Spec
    CommandSpec spec;

    RegisterCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (dept == null || dept.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--dept=CODE'");
        }
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr(), receipt.output())) {
            simCard.present(t, spec.commandLine());
            // Absent options are empty here, at the edge: the desk takes no nulls.
            Optional<String> doctorCode = Optional.ofNullable(doctor);
            VisitOutcome o = t.registrationDesk(DepartmentCatalog.bundled()).register(dept, doctorCode,
                    PaidFor.typed(Optional.ofNullable(family)), !settleLater,
                    pinStdin ? StdinPin.firstLineOf(env.stdin()) : PinSource.NONE, "clerk", Optional.ofNullable(idNumber));
            int code = VisitOutput.print(spec.commandLine().getOut(), o, t.visitTexts().line(o), options.json);
            var department = DepartmentCatalog.bundled().department(dept);
            Optional<String> doctorName = department.flatMap(d -> d.doctor(doctorCode)).map(d -> d.name());
            // The slip of a fee settled at once; a fee paid in cash during a fault gets the cash receipt (entry number).
            receipt.deliver(t, t.visitDocuments().registration(o, department.map(d -> d.name()).orElse(dept), doctorName, "clerk"),
                    options.json, spec.commandLine().getOut(), spec.commandLine().getErr());
            return code;
        }
    }

    /** {@code medcard register cancel MDTRT_ID}: cancels a visit that was not settled (2202). */
    @Command(name = "cancel", description = "Cancel a registered visit that was not settled.", mixinStandardHelpOptions = true)
    static final class Cancel implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Parameters(index = "0", paramLabel = "MDTRT_ID", description = "the visit id from the registration")
        String mdtrtId;

        @Spec
        CommandSpec spec;

        Cancel(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr())) {
                VisitOutcome o = t.registrationDesk(DepartmentCatalog.bundled()).cancel(mdtrtId);
                return VisitOutput.print(spec.commandLine().getOut(), o, t.visitTexts().line(o), options.json);
            }
        }
    }
}
