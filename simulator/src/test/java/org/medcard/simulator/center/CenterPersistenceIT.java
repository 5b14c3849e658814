package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medcard.simulator.profile.CardProfile;

/** A center on a file: stop it, open a new one on the same file, and nothing is lost. */
class CenterPersistenceIT extends CenterTestBase {
    @TempDir
    Path dir;

    @Test
    void restartOnTheSameFile_keepsAnswersBalancesSignInsAndSequences() throws Exception {
        String db = dir.resolve("center.db").toString();
        CardProfile employee = TestCards.profile("normal-3des");
        SettlementCenter first = start(CenterConfig.of(db));
        CenterClient client = signedInClient(first);
        String id = ok(client.call("2101", presettleInput(employee, item("XJ01CAA001", 2, 1250)))).get("presettle_id").asText();
        String msgid = client.newMsgid();
        ObjectNode settle = settleInput(id, 2500, 0, TestCards.purse(employee, 2500, employee.offlineCounter()));
        String answer = client.callRaw(msgid, "2102", settle);
        first.stop();

        SettlementCenter second = start(CenterConfig.of(db));
        CenterClient again = new CenterClient(second.apiUri(), "02");
        // Same terminal, same sign_no as before the restart: still signed in.
        again.signInAs(client.signNo());
        assertEquals(answer, again.callRaw(msgid, "2102", settle), "byte-identical stored answer after restart");
        JsonNode info = ok(again.call("1101", CenterClient.object().put("card_no", employee.cardNo())));
        assertEquals(employee.balance() - 2500, info.get("acct_balance_shadow").asLong());
        String next = ok(again.call("2101", presettleInput(employee, item("XJ01CAA001", 1, 1250)))).get("presettle_id").asText();
        assertEquals("PRE2026112200000002", next, "sequences continue");
        assertEquals(1, ok(again.call("3202", CenterClient.object().put("date", TODAY))).get("records").size());
    }
}
