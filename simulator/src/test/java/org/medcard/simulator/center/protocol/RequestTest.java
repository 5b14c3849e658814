package org.medcard.simulator.center.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RequestTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode envelope(String infno, String signNo) {
        ObjectNode e = json.createObjectNode().put("infno", infno).put("msgid", "P1101010000120261123101502010017")
                .put("fixmedins_code", "P11010100001").put("dev_no", "01").put("opter", "cashier01")
                .put("inf_time", "2026-11-23 10:15:02");
        if (signNo != null) {
            e.put("sign_no", signNo);
        }
        e.putObject("input");
        return e;
    }

    @Test
    void signInMayCarryAnEmptySignNo_theTerminalHasNoneYet() {
        assertNull(Request.read(envelope("9001", "")).signNo());
        assertNull(Request.read(envelope("9001", null)).signNo());
    }

    @Test
    void everyOtherTransactionNeedsItsSignNo() {
        MalformedRequest e = assertThrows(MalformedRequest.class, () -> Request.read(envelope("1101", "")));
        assertTrue(e.getMessage().contains("sign_no"), e.getMessage());
        assertEquals("S-1", Request.read(envelope("1101", "S-1")).signNo());
    }
}
