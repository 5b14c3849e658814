package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medcard sale}: one pharmacy sale to the card in the reader, as the business rules say (online,
 * offline within the limits, or cash and a re-settlement entry). Exit 0 when the patient was served (settled,
 * settlement pending, debited offline, or cash with an entry), 1 when not, 2 for a usage error.
 */
@Command(name = "sale", description = "Sell items to the card in the reader (pharmacy).", mixinStandardHelpOptions = true)
final class SaleCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Mixin
    ReceiptOptions receipt;

    @Option(names = "--items", required = true, split = ",", paramLabel = "CODE:QTY",
            description = "the items, e.g. XJ01CAA001:2,XA10BAD003:1")
    List<String> items;

    @Option(names = "--pin-stdin", description = "read the cardholder's 6-digit PIN from the first line of standard input")
    boolean pinStdin;

    @Option(names = "--family", paramLabel = "PSN_NO", description = "pay for this family member (R3: employee cards, online)")
    String family;

    @Option(names = "--id-number", paramLabel = "ID", description = "the patient's ID number from the ID card, for a cash re-settlement entry (R11)")
    String idNumber;

    @Option(names = "--account", paramLabel = "FEN", description = "pay at most this much from the personal account (default: as much as possible)")
    Long accountFen;

    @Mixin
    SimCardOption simCard;

    @Spec
    CommandSpec spec;

    SaleCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SaleItem> parsed;
        try {
            parsed = items.stream().filter(s -> !s.isBlank()).map(SaleItem::parse).toList();
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("--items names no item: give CODE:QTY, e.g. --items XJ01CAA001:2");
            }
            if (accountFen != null && accountFen < 0) {
                throw new IllegalArgumentException("--account must not be negative");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // Absent options become empty values here, at the edge: the sale takes no nulls.
        SaleRequest request = new SaleRequest(parsed, PaidFor.typed(Optional.ofNullable(family)),
                pinStdin ? StdinPin.firstLineOf(env.stdin()) : PinSource.NONE,
                accountFen == null ? OptionalLong.empty() : OptionalLong.of(accountFen), Optional.ofNullable(idNumber), "cashier");
        try (Terminal t = TerminalCommands.open(options, env, spec.commandLine().getErr(), receipt.output())) {
            simCard.present(t, spec.commandLine());
            SaleOutcome o = t.pharmacySale().sell(request);
            Optional<ReceiptDocument> document = t.saleDocuments().of(o, request.cashier());
            print(out, o, t.saleTexts().line(o), document);
            Optional<String> tac = o.cardDebit().map(SaleOutcome.CardDebit::tac);
            try {
                receipt.deliver(t, document, options.json, out, spec.commandLine().getErr());
            } catch (RuntimeException e) {
                // Issue 18 case 5: after the card paid, a failure is never a failed sale.
                spec.commandLine().getErr().println("The sale stands" + tac.map(x -> " (the card WAS debited, TAC " + x + ")").orElse("")
                        + "; only its receipt could not be issued: " + e.getMessage()
                        + " — free disk space, then print it again with 'medcard receipt'.");
            }
            return o.served() ? 0 : 1;
        }
    }

    private void print(PrintWriter out, SaleOutcome o, String message, Optional<ReceiptDocument> document) {
        PaymentPlan p = o.plan().orElse(null);
        String tac = o.cardDebit().map(SaleOutcome.CardDebit::tac).orElse(null);
        String saleId = o instanceof SaleOutcome.Interrupted i ? i.saleId() : o.cardDebit().map(SaleOutcome.CardDebit::saleId).orElse(null);
        String setlId = o instanceof SaleOutcome.Settled s ? s.setlId().orElse(null) : null;
        String entryNo = o instanceof SaleOutcome.CashResettle c ? c.entryNo()
                : o instanceof SaleOutcome.OfflineDebited d ? d.cashEntryNo().orElse(null) : null;
        String beneficiary = beneficiaryOf(o).orElse(null);
        long balance = o.balanceAfterFen().orElse(-1);
        String cardNo = o.card().map(SaleOutcome.CardContact::cardNoMasked).orElse(null);
        String name = o.card().map(SaleOutcome.CardContact::holderName).orElse(null);
        Optional<LocalDate> resettleBy = resettleBy(document);
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("outcome", o.kind().name());
            if (p != null) {
                n.put("total_fen", p.totalFen()).put("fund_pay_fen", p.fundFen()).put("acct_pay_fen", p.accountFen())
                        .put("cash_pay_fen", p.cashFen());
            }
            n.put("tac", tac).put("setl_id", setlId).put("entry_no", entryNo)
                    .put("resettle_by", resettleBy.map(Object::toString).orElse(null)).put("sale_id", saleId)
                    .put("balance_after_fen", balance).put("card_no", cardNo).put("name", name)
                    .put("beneficiary_psn_no", beneficiary).put("message_key", o.messageKey()).put("message", message)
                    .put("recovered_sales", o.recovered().size()).put("loaded_fen", o.loadedFen());
            TerminalCommands.printJson(out, n);
            return;
        }
        out.println("outcome:      " + o.kind());
        if (name != null) {
            out.println("card:         " + cardNo + " " + name);
        }
        if (p != null) {
            out.println("total:        " + Yuan.format(p.totalFen()));
            out.println("pooling fund: " + Yuan.format(p.fundFen()));
            out.println("account:      " + Yuan.format(p.accountFen()));
            out.println("cash:         " + Yuan.format(p.cashFen()));
        }
        line(out, "TAC:          ", tac);
        line(out, "setl_id:      ", setlId);
        line(out, "entry_no:     ", entryNo == null ? null : entryNo + resettleBy.map(d -> "  (re-settle by " + d + ")").orElse(""));
        if (balance >= 0 && tac != null) {
            out.println("balance now:  " + Yuan.format(balance));
        }
        if (o.loadedFen() > 0) {
            out.println("loaded (R15): " + Yuan.format(o.loadedFen()));
        }
        o.recovered().forEach(r -> out.println("recovered torn sale " + r.saleId() + ": " + (r.debited() ? "debited, TAC " + r.tac().orElse("?") : r.unresolved() ? r.note() : "not debited")));
        out.println(message);
    }

    /** R3: the family member paid for (online sales only). */
    private static Optional<String> beneficiaryOf(SaleOutcome o) {
        SaleOutcome.Purchase p = o instanceof SaleOutcome.Settled s ? s.purchase()
                : o instanceof SaleOutcome.SettlementPending s ? s.purchase()
                : o instanceof SaleOutcome.SettlementRejected s ? s.purchase()
                : o instanceof SaleOutcome.Interrupted s ? s.purchase() : null;
        return p == null ? Optional.empty() : p.beneficiary().map(SaleOutcome.Beneficiary::psnNo);
    }

    /** R11 case 2: the last day the cash sale's entry can be re-settled, as its cash receipt prints it. */
    private static Optional<LocalDate> resettleBy(Optional<ReceiptDocument> document) {
        return document.filter(CashReceipt.class::isInstance).map(d -> ((CashReceipt) d).resettleBy());
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null) {
            out.println(label + value);
        }
    }
}
