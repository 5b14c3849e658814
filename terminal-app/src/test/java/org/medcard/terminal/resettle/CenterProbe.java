package org.medcard.terminal.resettle;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.terminal.Terminal;

/** Test helper: asks the terminal's embedded center over a link of its own (another counter, "99"). */
final class CenterProbe {
    private final Terminal terminal;
    private final HostLink link;
    private final ObjectMapper json = new ObjectMapper();
    private final String[] signNo = {""};

    CenterProbe(Terminal terminal, Clock clock) throws Exception {
        this.terminal = terminal;
        int port = terminal.embeddedCenter().orElseThrow().port();
        this.link = new HostLink(HostLink.Settings.of(URI.create("http://127.0.0.1:" + port + "/"),
                terminal.config().institutionCode(), "99", "auditor", () -> signNo[0]), clock);
        signNo[0] = ask("9001", "{\"opter\":\"auditor\",\"dev_no\":\"99\",\"mac\":\"00:00:00:00:00:99\"}").get("sign_no").asText();
    }

    JsonNode ask(String infno, String input) throws Exception {
        CenterAnswer answer = link.send(new EncodedMessage(infno, input), terminal.queue().reserveMsgid());
        if (!(answer instanceof CenterAnswer.Accepted a)) {
            throw new AssertionError(infno + " not accepted: " + answer);
        }
        return json.readTree(a.output());
    }

    long shadowBalance(String cardNo) throws Exception {
        return ask("1101", "{\"card_no\":\"" + cardNo + "\"}").get("acct_balance_shadow").asLong();
    }
}
