package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.profile.CardProfile;

/**
 * Issue 14 at the center: an outpatient visit is paid more than once on the same {@code mdtrt_id} — the registration
 * fee at the window, then each batch of prescribed items the same day — the fee never twice; a registration fee paid in
 * cash during a fault is re-settled as an entry line ({@code REG-<dept>}).
 */
class VisitPaidMoreThanOnceIT extends CenterTestBase {
    @TempDir
    Path dir;
    private final CardProfile employee = TestCards.profile("normal-3des");

    private static ObjectNode registration(CardProfile card) {
        return CenterClient.object().put("psn_no", card.psnNo()).put("card_no", card.cardNo())
                .put("dept_code", "D01").put("doctor_code", "D01-001").put("reg_fee", 5000);
    }

    private static ObjectNode batch(String mdtrtId, ObjectNode... items) {
        ObjectNode in = CenterClient.object().put("mdtrt_id", mdtrtId);
        for (ObjectNode i : items) {
            in.withArray("items").add(i);
        }
        return in;
    }

    /** 2207 with the account paying as much as it may; returns the settle answer. */
    private static JsonNode pay(CenterClient client, CardProfile card, JsonNode pre, int counter) throws Exception {
        long acct = pre.get("acct_pay_max").asLong();
        long cash = pre.get("total").asLong() - pre.get("fund_pay").asLong() - acct;
        return client.call("2207", settleInput(pre.get("presettle_id").asText(), acct, cash, TestCards.purse(card, acct, counter)));
    }

    @Test
    void visitPaidMoreThanOnce_feeAtRegistration_thenEachBatchOfItems_feeNeverTwice() throws Exception {
        CenterClient client = signedInClient(start(CenterConfig.inMemory()));
        String mdtrtId = ok(client.call("2201", registration(employee))).get("mdtrt_id").asText();
        JsonNode feeOnly = ok(client.call("2206", batch(mdtrtId)));
        assertEquals(5000, feeOnly.get("total").asLong());
        ok(pay(client, employee, feeOnly, employee.offlineCounter()));

        JsonNode first = ok(client.call("2206", batch(mdtrtId, item("F25010000002", 1, 2000))));
        assertEquals(2000, first.get("total").asLong(), "the fee is paid: the batch is the items only");
        assertEquals(1, first.get("items").size());
        ok(pay(client, employee, first, employee.offlineCounter() + 1));

        JsonNode second = ok(client.call("2206", batch(mdtrtId, item("F25010000002", 2, 2000))));
        assertEquals(4000, second.get("total").asLong());
        ok(pay(client, employee, second, employee.offlineCounter() + 2));

        JsonNode nothing = client.call("2206", batch(mdtrtId));
        assertInfcode(2005, nothing);
        assertTrue(nothing.get("err_msg").asText().startsWith("nothing to settle"), nothing.toString());
        assertInfcode(2005, client.call("2202", CenterClient.object().put("mdtrt_id", mdtrtId)));
    }

    @Test
    void twoPreSettlementsCarryingTheUnpaidFee_onlyTheFirstSettledPaysIt() throws Exception {
        CenterClient client = signedInClient(start(CenterConfig.inMemory()));
        String mdtrtId = ok(client.call("2201", registration(employee))).get("mdtrt_id").asText();
        JsonNode a = ok(client.call("2206", batch(mdtrtId, item("F25010000002", 1, 2000))));
        JsonNode b = ok(client.call("2206", batch(mdtrtId, item("F25010000002", 1, 2000))));
        assertEquals(7000, b.get("total").asLong(), "both quotes carry the unpaid fee");
        ok(pay(client, employee, a, employee.offlineCounter()));

        JsonNode again = pay(client, employee, b, employee.offlineCounter() + 1);

        assertInfcode(2005, again);
        assertTrue(again.get("err_msg").asText().contains("already paid"), again.toString());
    }

    @Test
    void aPaidVisitClosesWithItsDay() throws Exception {
        Clock tomorrow = Clock.offset(CLOCK, Duration.ofDays(1));
        CenterConfig config = CenterConfig.of(dir.resolve("center.db").toString());
        SettlementCenter today = start(config);
        CenterClient client = signedInClient(today);
        String mdtrtId = ok(client.call("2201", registration(employee))).get("mdtrt_id").asText();
        ok(pay(client, employee, ok(client.call("2206", batch(mdtrtId))), employee.offlineCounter()));
        assertEquals(2000, ok(client.call("2206", batch(mdtrtId, item("F25010000002", 1, 2000)))).get("total").asLong());
        today.stop();

        SettlementCenter next = start(config, tomorrow);
        CenterClient nextDay = new CenterClient(next.apiUri(), "02");
        nextDay.signIn();
        JsonNode late = nextDay.call("2206", batch(mdtrtId, item("F25010000002", 1, 2000)));

        assertInfcode(2005, late);
        assertTrue(late.get("err_msg").asText().contains("closed"), late.toString());
    }

    @Test
    void R11_aRegistrationFeePaidInCash_isReSettledAsAnEntryLine() throws Exception {
        CenterClient client = signedInClient(start(CenterConfig.inMemory()));
        ObjectNode entry = CenterClient.object().put("entry_no", "T01-000400").put("fault", "NO_READER")
                .put("original_time", "2026-11-22 08:05:00").put("psn_cert_no", employee.psnCertNo()).put("cash_paid", 5000);
        entry.putArray("items").add(item("REG-D01", 1, 5000));
        ok(client.call("8400", entry));

        JsonNode done = ok(client.call("8401", entry.deepCopy().put("card_no", employee.cardNo())));

        assertEquals("SETTLED", ok(client.call("8402", CenterClient.object())).at("/entries/0/status").asText());
        assertEquals(done.get("fund_pay").asLong() + done.get("acct_pay").asLong(), done.get("refund_to_patient").asLong());
        ObjectNode wrongFee = entry.deepCopy().put("entry_no", "T01-000401").put("cash_paid", 4000);
        wrongFee.putArray("items").add(item("REG-D01", 1, 4000));
        assertInfcode(-1, client.call("8401", wrongFee.put("card_no", employee.cardNo())));
    }
}
