package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.store.Seeder;
import org.medcard.simulator.center.tx.TxProcessor;
import org.medcard.simulator.center.tx.TxSettings;

/** The processor without HTTP: failures of the store become a retryable 9999 with a short message. */
class TxProcessorTest {
    @Test
    void storeFailure_isAnswered9999_withoutDetails_andNothingIsStored() throws Exception {
        CenterStore store = CenterStore.open(CenterStore.MEMORY);
        store.inTransaction((db, sp) -> {
            Seeder.seed(db, ProfileSeed.bundled());
            return null;
        });
        TxProcessor processor = new TxProcessor(store, new Json(), CenterTestBase.CLOCK, TxSettings.defaults(), new FaultInjector());
        CenterClient envelopes = new CenterClient(java.net.URI.create("http://127.0.0.1:1/api/tx"));
        byte[] body = envelopes.envelope(envelopes.newMsgid(), "9001", CenterClient.object().put("opter", "a").put("dev_no", "T01"))
                .toString().getBytes(StandardCharsets.UTF_8);
        store.close();

        TxProcessor.Answer answer = processor.handle(body, () -> false);
        JsonNode a = CenterClient.JSON.readTree(answer.body());
        assertEquals(9999, a.get("infcode").asInt());
        assertEquals("center internal error, retry later", a.get("err_msg").asText());
        assertFalse(answer.committedNew());
    }
}
