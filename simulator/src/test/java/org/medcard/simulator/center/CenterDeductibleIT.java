package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.medcard.simulator.center.rules.Insutype;
import org.medcard.simulator.center.tx.TxSettings;
import org.medcard.simulator.profile.CardProfile;

/** With an annual deductible configured, the first settled sale of the year pays it; a cancelled one gives it back. */
class CenterDeductibleIT extends CenterTestBase {
    @Test
    void deductible_consumedBySettlement_restoredByCancel() throws Exception {
        SettlementCenter center = start(CenterConfig.inMemory().withRules(TxSettings.defaults().withDeductible(Insutype.EMPLOYEE, 1000)));
        CenterClient client = signedInClient(center);
        CardProfile employee = TestCards.profile("normal-3des");

        JsonNode first = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620))));
        assertEquals(1000, first.get("deductible_applied").asLong());
        assertEquals(434, first.get("fund_pay").asLong(), "(1620 − 1000) × 0.70");
        String setlId = ok(client.call("2102", settleInput(first.get("presettle_id").asText(), 1186, 0,
                TestCards.purse(employee, 1186, employee.offlineCounter())))).get("setl_id").asText();

        JsonNode second = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620))));
        assertEquals(0, second.get("deductible_applied").asLong());
        assertEquals(1134, second.get("fund_pay").asLong());

        ok(client.call("2103", CenterClient.object().put("setl_id", setlId).put("reason", "returned")));
        assertEquals(1000, ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620)))).get("deductible_applied").asLong());
    }
}
