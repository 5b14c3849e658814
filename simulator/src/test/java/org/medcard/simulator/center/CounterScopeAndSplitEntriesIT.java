package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.medcard.simulator.profile.CardProfile;

/**
 * Issue 14 at the center: 3201/3202 scoped to one counter by {@code term_no}; entries after a partial offline
 * debit (8400/8401 with {@code acct_paid}); an entry is re-settled only by its own institution; statuses only the
 * center knows.
 */
class CounterScopeAndSplitEntriesIT extends CenterTestBase {
    private final CardProfile employee = TestCards.profile("normal-3des");
    private final CardProfile resident = TestCards.profile("normal-sm4");

    private static ObjectNode totals(long count, long fund, long acct, long cash) {
        return CenterClient.object().put("date", TODAY).put("count", count).put("fund_sum", fund).put("acct_sum", acct)
                .put("cash_sum", cash);
    }

    private static long sale(CenterClient client, CardProfile card) throws Exception {
        JsonNode pre = ok(client.call("2101", presettleInput(card, item("XJ01CAA001", 2, 1250))));
        long acct = pre.get("acct_pay_max").asLong();
        ok(client.call("2102", settleInput(pre.get("presettle_id").asText(), acct, pre.get("total").asLong() - acct,
                TestCards.purse(card, acct, card.offlineCounter()))));
        return acct;
    }

    @Test
    void reconciliation_withTermNo_countsOnlyThatCountersSettlements_withoutItTheInstitution() throws Exception {
        SettlementCenter center = start(CenterConfig.inMemory());
        CenterClient one = signedInClient(center);
        CenterClient two = new CenterClient(center.apiUri(), "02");
        two.signIn();
        long a1 = sale(one, employee);
        long a2 = sale(two, resident);

        assertEquals("MATCH", ok(one.call("3201", totals(1, 0, a1, 2500 - a1).put("term_no", "01"))).get("result").asText());
        assertEquals("MATCH", ok(two.call("3201", totals(1, 0, a2, 2500 - a2).put("term_no", "02"))).get("result").asText());
        JsonNode whole = one.call("3201", totals(1, 0, a1, 2500 - a1));
        assertInfcode(3001, whole);
        assertEquals(2, whole.at("/output/count").asLong(), "without term_no the whole institution counts");
        assertEquals("MATCH", ok(one.call("3201", totals(2, 0, a1 + a2, 5000 - a1 - a2))).get("result").asText());

        JsonNode detail = ok(one.call("3202", CenterClient.object().put("date", TODAY).put("term_no", "02")));
        assertEquals(1, detail.get("records").size());
        assertEquals("02", detail.at("/records/0/term_no").asText());
        assertInfcode(-1, one.call("3201", totals(1, 0, a1, 0).put("term_no", "1")));
    }

    @Test
    void entryAfterAPartialOfflineDebit_cashPlusAcctPaidMakesTheTotal_andOnlyTheFundShareIsRefunded() throws Exception {
        SettlementCenter center = start(CenterConfig.inMemory());
        CenterClient client = signedInClient(center);
        // 16.20 for an employee: fund 11.34 (70 %), account 4.86 already debited offline, 11.34 paid in cash.
        ObjectNode entry = CenterClient.object().put("entry_no", "T01-000200").put("fault", "OFFLINE_LIMIT")
                .put("original_time", "2026-11-20 09:30:00").put("psn_cert_no", employee.psnCertNo()).put("cash_paid", 1134)
                .put("acct_paid", 486).put("offline_msgid", client.newMsgid());
        entry.putArray("items").add(item("XA10BAD003", 1, 1620));
        assertInfcode(2005, client.call("8400", entry.deepCopy().put("acct_paid", 400)));
        assertInfcode(-1, client.call("8400", entry.deepCopy().without("offline_msgid")));
        assertTrue(ok(client.call("8400", entry)).get("registered").asBoolean());

        JsonNode done = ok(client.call("8401", entry.deepCopy().put("card_no", employee.cardNo())));

        assertEquals(1134, done.get("fund_pay").asLong());
        assertEquals(0, done.get("acct_pay").asLong(), "the card already paid the account's share");
        assertEquals(1134, done.get("refund_to_patient").asLong());
        assertEquals(486, done.get("acct_paid").asLong());
        JsonNode record = ok(client.call("3202", CenterClient.object().put("date", TODAY))).at("/records/0");
        assertEquals(1134, record.get("total").asLong(), "the re-settlement covers the cash part only");
        assertEquals(0, record.get("cash_pay").asLong());
    }

    @Test
    void anEntryIsReSettledOnlyByTheInstitutionThatRegisteredIt() throws Exception {
        SettlementCenter center = start(CenterConfig.inMemory());
        CenterClient mine = signedInClient(center);
        CenterClient other = new CenterClient(center.apiUri(), "01", "P11010100002");
        other.signIn();
        ObjectNode entry = CenterClient.object().put("entry_no", "T01-000300").put("fault", "CARD_UNREADABLE")
                .put("original_time", "2026-11-20 09:30:00").put("psn_cert_no", employee.psnCertNo()).put("cash_paid", 1620);
        entry.putArray("items").add(item("XA10BAD003", 1, 1620));
        ok(mine.call("8400", entry));

        JsonNode refused = other.call("8401", entry.deepCopy().put("card_no", employee.cardNo()));

        assertInfcode(2005, refused);
        assertTrue(refused.get("err_msg").asText().contains("OTHER_INSTITUTION"), refused.toString());
        assertEquals(1134, ok(mine.call("8401", entry.deepCopy().put("card_no", employee.cardNo()))).get("refund_to_patient").asLong());
    }
}
