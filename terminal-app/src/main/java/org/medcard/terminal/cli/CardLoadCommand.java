package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.apdu.CardRefusal;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.load.MonthlyLoads;
import org.medcard.terminal.session.CardSession;
import org.medcard.transport.CardFault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code medcard card load}: credits the card's pending loads (R15 contributions, R2 refunds) now — the same step
 * a sale takes first when online, through the one card session ({@link CardSession#loadNow()}: card and PSAM, torn
 * sales of this card first, then the loads). Exit 0 done (also: nothing pending), 1 card or center fault or refusal,
 * 2 usage.
 */
@Command(name = "load", description = "Credit the card's pending loads (monthly contributions, refunds) from the center.",
        mixinStandardHelpOptions = true)
final class CardLoadCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Mixin
    SimCardOption simCard;

    @Spec
    CommandSpec spec;

    CardLoadCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Terminal t = TerminalCommands.open(options, env, err)) {
            simCard.present(t, spec.commandLine());
            List<MonthlyLoads.Outcome> done;
            long balance;
            try {
                CardSession.LoadRun run = t.cardSession().loadNow();
                if (run instanceof CardSession.NoCenter) {
                    err.println("the center is not reachable: loads need it (R15)");
                    return 1;
                }
                if (run instanceof CardSession.NotOpened no) {
                    // The cashier's words for the fault (the kind by name went to the log); a torn load is safe:
                    // the next contact checks it (R10).
                    err.println(t.messages().text("card.not_readable", no.said(t.messages())));
                    return 1;
                }
                CardSession.Loaded loaded = (CardSession.Loaded) run;
                done = loaded.loads();
                balance = loaded.card().getBalance();
            } catch (CardFault | CardRefusal e) {
                err.println(notReadable(e.getMessage()));
                return 1;
            } catch (CenterUnreachable | CenterRefusal e) {
                err.println("center: " + e.getMessage());
                return 1;
            }
            print(out, done, balance);
            return done.stream().anyMatch(o -> o.result() == MonthlyLoads.Result.REFUSED || o.result() == MonthlyLoads.Result.UNKNOWN) ? 1 : 0;
        }
    }

    private static String notReadable(String detail) {
        return "card not readable: " + detail + " (a load in progress is checked on the next contact)";
    }

    private void print(PrintWriter out, List<MonthlyLoads.Outcome> done, long balance) {
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            ArrayNode loads = n.putArray("loads");
            for (MonthlyLoads.Outcome o : done) {
                loads.addObject().put("load_id", o.loadId()).put("amount_fen", o.amountFen()).put("result", o.result().name())
                        .put("note", o.note());
            }
            n.put("loaded_fen", loadedFen(done)).put("balance_fen", balance);
            TerminalCommands.printJson(out, n);
            return;
        }
        if (done.isEmpty()) {
            out.println("no pending loads");
        }
        for (MonthlyLoads.Outcome o : done) {
            out.println(o.loadId() + "  " + Yuan.format(o.amountFen()) + "  " + o.result() + (o.note() == null ? "" : "  " + o.note()));
        }
        out.println("balance:     " + Yuan.format(balance) + " (" + balance + " fen)");
    }

    private static long loadedFen(List<MonthlyLoads.Outcome> done) {
        return done.stream().filter(o -> o.result() == MonthlyLoads.Result.CREDITED || o.result() == MonthlyLoads.Result.RECOVERED_CREDITED)
                .mapToLong(MonthlyLoads.Outcome::amountFen).sum();
    }
}
