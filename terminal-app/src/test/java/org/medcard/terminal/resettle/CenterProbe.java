package org.medcard.terminal.resettle;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.queue.forward.HttpCenterLink;
import org.medcard.terminal.Terminal;

/** Test helper: asks the terminal's embedded center over a link of its own (another counter, "99"). */
final class CenterProbe {
    private final Terminal terminal;
    private final HttpCenterLink link;
    private final ObjectMapper json = new ObjectMapper();
    private final String[] signNo = {""};

    CenterProbe(Terminal terminal, Clock clock) throws Exception {
        this.terminal = terminal;
        int port = terminal.embeddedCenter().orElseThrow().port();
        this.link = new HttpCenterLink(HttpCenterLink.Settings.of(URI.create("http://127.0.0.1:" + port + "/"),
                terminal.config().institutionCode(), "99", "auditor", () -> signNo[0]), clock);
        signNo[0] = ask("9001", "{\"opter\":\"auditor\",\"dev_no\":\"99\",\"mac\":\"00:00:00:00:00:99\"}").get("sign_no").asText();
    }

    JsonNode ask(String infno, String input) throws Exception {
        CenterAnswer.Answered a = (CenterAnswer.Answered) link.send(infno, terminal.queue().reserveMsgid(), input);
        if (a.infcode() != 0) {
            throw new AssertionError(infno + " refused: " + a.infcode() + " " + a.errMsg());
        }
        return json.readTree(a.outputJson());
    }

    long shadowBalance(String cardNo) throws Exception {
        return ask("1101", "{\"card_no\":\"" + cardNo + "\"}").get("acct_balance_shadow").asLong();
    }
}
