package org.medcard.terminal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;

/**
 * Test helper: a training terminal (simulated reader and PSAM, embedded center on loopback, real SQLite
 * files) in a temporary data folder, on a fixed clock, and a second link to its center to read what the
 * center recorded.
 */
public final class TrainingTerminals {

    /** Monday 2026-11-23 10:15 in Beijing. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));

    private TrainingTerminals() {
    }

    public static TerminalConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(overrides);
        o.put("data.dir", dataDir.toString());
        return new ConfigLoader(dataDir).load(dataDir.resolve("medcard.properties"), o).config();
    }

    /** A terminal whose forwarder is driven by the test (no background thread). */
    public static Terminal open(Path dataDir, Map<String, String> overrides) {
        return new Terminal(config(dataDir, overrides), CLOCK, new Terminal.Options(false, false, "cashier01"));
    }

    /** The center's shadow balance of a card ({@code 1101}'s {@code acct_balance_shadow}), over a link of its own. */
    public static long shadowBalance(Terminal terminal, String cardNo) throws Exception {
        int port = terminal.embeddedCenter().orElseThrow().port();
        ObjectMapper json = new ObjectMapper();
        String[] signNo = {""};
        HostLink link = new HostLink(HostLink.Settings.of(URI.create("http://127.0.0.1:" + port + "/"),
                terminal.config().institutionCode(), "99", "auditor", () -> signNo[0]), CLOCK);
        CenterAnswer.Accepted in = (CenterAnswer.Accepted) link.send(new EncodedMessage("9001",
                "{\"opter\":\"auditor\",\"dev_no\":\"99\",\"mac\":\"00:00:00:00:00:99\"}"), terminal.queue().reserveMsgid());
        signNo[0] = json.readTree(in.output()).get("sign_no").asText();
        CenterAnswer.Accepted a = (CenterAnswer.Accepted) link.send(new EncodedMessage("1101",
                "{\"card_no\":\"" + cardNo + "\"}"), terminal.queue().reserveMsgid());
        JsonNode out = json.readTree(a.output());
        return out.get("acct_balance_shadow").asLong();
    }
}
