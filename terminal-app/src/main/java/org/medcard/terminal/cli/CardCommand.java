package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.apdu.CardRefusal;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medcard card info}: reads the card in the slot and says what the counter would show. */
@Command(name = "card", description = "The card in the reader.", mixinStandardHelpOptions = true,
        subcommands = {CardCommand.Info.class, CardLoadCommand.class, CardWatchCommand.class})
final class CardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // A group without its subcommand is a usage error (exit 2), like every other group.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: info, load or watch");
    }

    @Command(name = "info", description = "Read the card: holder, status (business rules' status table), balance.",
            mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        private final TerminalEnvironment env;

        @Mixin
        CommonOptions options;

        @Mixin
        SimCardOption simCard;

        @Option(names = "--show-card-no", description = "print the card number in full (it is masked by default)")
        boolean showCardNo;

        @Spec
        CommandSpec spec;

        Info(TerminalEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Terminal t = TerminalCommands.open(options, env, err)) {
                simCard.present(t, spec.commandLine());
                CardSession.Opening opening;
                try {
                    opening = t.cardSession().open(CardSession.Loads.SKIP);
                } catch (CardRefusal e) {
                    err.println("card not readable: " + e.getMessage());
                    return 1;
                }
                if (opening instanceof CardSession.NotOpened no) {
                    if (no.failure() == CardSession.Failure.UNUSABLE_CARD) {
                        err.println(t.messages().text("sale.card_unusable") + " (" + no.detail() + ")");
                    } else {
                        err.println(t.messages().text("card.not_readable", no.said(t.messages())));
                    }
                    return 1;
                }
                CardView v = ((CardSession.Opened) opening).view();
                print(out, t, v);
                return 0;
            }
        }

        private void print(PrintWriter out, Terminal t, CardView v) {
            String cardNo = showCardNo ? v.info().cardNo().digits() : v.info().cardNo().masked();
            String status = v.verdict().status().name();
            String message = v.verdict().messageKey().map(t.messages()::text).orElse("");
            String algorithm = v.algorithm() == null ? "" : v.algorithm().name();
            long balance = v.balanceFen().orElse(-1); // the CLI contract: -1 when the card would not tell
            if (options.json) {
                ObjectNode n = TerminalCommands.JSON.createObjectNode();
                n.put("card_no", cardNo).put("name", v.holder().name()).put("id_masked", v.holder().idNumber().masked())
                        .put("scheme", v.scheme()).put("region", v.cardRegion()).put("status", status)
                        .put("status_message", message).put("balance_fen", balance).put("algorithm", algorithm)
                        .put("expiry", v.info().expiryDate() == null ? null : v.info().expiryDate().toString())
                        .put("online", v.online()).put("blocked_now", v.blockedNow()).put("training_mode", t.config().trainingMode());
                TerminalCommands.printJson(out, n);
                return;
            }
            out.println("card_no:     " + cardNo);
            out.println("name:        " + v.holder().name());
            out.println("id_number:   " + v.holder().idNumber().masked());
            out.println("scheme:      " + v.scheme());
            out.println("region:      " + v.cardRegion());
            out.println("status:      " + status + (message.isEmpty() ? "" : " — " + message));
            out.println("balance:     " + Yuan.format(balance) + " (" + balance + " fen)");
            out.println("algorithm:   " + algorithm);
            out.println("expiry:      " + v.info().expiryDate());
            out.println("center:      " + (v.online() ? "online" : "offline"));
            if (v.blockedNow()) {
                out.println("The card application was blocked now (R8).");
            }
        }
    }
}
