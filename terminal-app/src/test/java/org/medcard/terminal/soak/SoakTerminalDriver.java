package org.medcard.terminal.soak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.queue.OutboxState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * The terminal process of the soak: one JVM that opens the real {@link Terminal} (PC/SC readers, the center
 * over HTTP, its SQLite files in the data folder, the background forwarder running as at a counter) and then
 * sells on command, one line of standard input per sale, until it is told to quit — or killed with SIGKILL
 * by {@link WholeSystemSoakIT}, which then starts it again on the same data folder: the terminal recovers at
 * start, as after a power cut.
 *
 * <p>Arguments: data folder, center base URL, clock offset in milliseconds (so child and parent share one
 * moving training date). Commands: {@code SALE <id-number> <CODE:QTY,...>}, {@code RECOVER} (resolve the
 * unfinished sales of the card in the reader), {@code DRAIN} (forward until the outbox is empty), {@code QUIT}.
 * Every answer is one line starting {@value #PREFIX}; the logs go to standard error.
 */
public final class SoakTerminalDriver {
    static final String PREFIX = "SOAK ";
    static final String CARD_READER = "Virtual PCD 00 00";
    static final String PSAM_READER = "Virtual PCD 00 01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SoakTerminalDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Clock clock = Clock.offset(Clock.system(ZoneId.of("Asia/Shanghai")), Duration.ofMillis(Long.parseLong(args[2])));
        Map<String, String> o = new HashMap<>();
        o.put("data.dir", dataDir.toString());
        o.put("reader", "pcsc:" + CARD_READER);
        o.put("psam", "pcsc:" + PSAM_READER);
        o.put("center.url", args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var config = new ConfigLoader(dataDir).load(dataDir.resolve("medcard.properties"), o).config();
        try (Terminal t = new Terminal(config, clock, new Terminal.Options(false, true, "cashier01"))) {
            out.println(PREFIX + "READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.trim().split(" ");
                try {
                    if (!command(t, w, out)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // A fault outside a sale (the card gone while recovering): answer it, keep the terminal up.
                    out.println(PREFIX + "ERROR " + e);
                }
            }
        }
    }

    /** Runs one command; false for QUIT. */
    private static boolean command(Terminal t, String[] w, PrintStream out) throws Exception {
        switch (w[0]) {
                    case "SALE" -> out.println(PREFIX + "RESULT " + sale(t, w[1], w[2]));
                    case "RECOVER" -> out.println(PREFIX + "RECOVERED " + t.tearRecovery().recover(t.openCard(), t.psam()).size());
                    case "DRAIN" -> out.println(PREFIX + "DRAINED " + drain(t));
                    case "QUIT" -> {
                        out.println(PREFIX + "BYE");
                        return false;
                    }
                    default -> out.println(PREFIX + "UNKNOWN " + w[0]);
                }
                return true;
    }

    private static String sale(Terminal t, String idNumber, String items) throws Exception {
        List<SaleItem> parsed = Arrays.stream(items.split(",")).map(SaleItem::parse).toList();
        SaleRequest request = SaleRequest.of(parsed, () -> "123456".toCharArray(), "cashier01").withIdNumber(idNumber);
        SaleView o = SaleView.of(t, t.pharmacySale().sell(request));
        ObjectNode n = JSON.createObjectNode().put("kind", o.kind().name()).put("sale_id", o.saleId()).put("tac", o.tac())
                .put("setl_id", o.setlId()).put("entry_no", o.entryNo()).put("message_key", o.messageKey())
                .put("recovered", o.recovered().size());
        if (o.plan() != null) {
            n.put("acct_fen", o.plan().accountFen()).put("cash_fen", o.plan().cashFen()).put("fund_fen", o.plan().fundFen());
        }
        return JSON.writeValueAsString(n);
    }

    /** Forwards until nothing is pending or unanswered (the center is healthy by then), at most ~30 s. */
    private static String drain(Terminal t) throws InterruptedException {
        var forwarder = t.forwarder().orElseThrow();
        for (int i = 0; i < 60; i++) {
            forwarder.forwardNow();
            forwarder.drainOnce();
            int open = t.queue().messages(OutboxState.PENDING).size() + t.queue().messages(OutboxState.SENDING).size()
                    + t.queue().messages(OutboxState.UNKNOWN).size();
            if (open == 0) {
                return "0";
            }
            Thread.sleep(500);
        }
        return String.valueOf(t.queue().messages(OutboxState.PENDING).size() + t.queue().messages(OutboxState.UNKNOWN).size());
    }
}
